import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateCommand } from '../../src/cli/commands/evaluate.command.ts';
import { runEvaluate } from '../../src/cli/commands/evaluate.run.ts';
import { datasetSchema, type Dataset } from '../../src/domain/dataset.ts';
import { numberQuantity } from '../../src/domain/quantity.ts';
import { getJson, suiteOf } from '../support/app.ts';
import { datasetApp, tableIndicator, testPlan } from '../support/dataset.ts';
import { testDatabases } from '../support/databases.ts';

/**
 * TEST DATA, not statistics: one level indicator (100 in 2020 → 200 in 2025) whose 2022 value is first
 * published as 150 (2023-01-10: ahead of schedule) and revised to 120 (2023-06-01: lagging).
 */
const source = (releasedOn: string) => ({
  kind: 'published' as const,
  title: '测试公报',
  url: 'https://example.org/bulletin',
  quote: null,
  releasedOn,
  basis: null,
  enteredBy: 'test',
});
const dataset: Dataset = datasetSchema.parse({
  formatVersion: 1,
  departments: [],
  spatialUnits: [],
  projects: [],
  plans: [
    testPlan({
      key: 'vintage-test',
      title: '修订测试规划',
      indicators: [
        tableIndicator(1, {
          code: 'A',
          unit: '家',
          baseline: numberQuantity(100),
          target: numberQuantity(200),
        }),
      ],
      observations: [
        {
          code: 'A',
          year: 2022,
          value: 150,
          text: null,
          kind: 'actual',
          revision: 1,
          source: source('2023-01-10'),
        },
        {
          code: 'A',
          year: 2022,
          value: 120,
          text: null,
          kind: 'actual',
          revision: 2,
          source: source('2023-06-01'),
        },
      ],
    }),
  ],
});

describe('lantu evaluate --as-of on a dataset file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-vintage-'));
  const file = join(dir, 'vintage.json');
  writeFileSync(file, JSON.stringify(dataset));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reproduces the judgement made before the revision, and the revised one after it', async () => {
    const before = await runEvaluate({ plan: file, year: 2022, method: 'time', asOf: '2023-03-01' });
    expect(before.asOf).toBe('2023-03-01');
    expect(before.indicators[0]).toMatchObject({ verdict: 'ahead', actual: 150 });
    const after = await runEvaluate({ plan: file, year: 2022, method: 'time' });
    expect(after.indicators[0]).toMatchObject({ verdict: 'lagging', actual: 120 });
    const beforeAnything = await runEvaluate({ plan: file, year: 2022, method: 'time', asOf: '2022-12-31' });
    expect(beforeAnything.indicators[0]?.verdict).toBe('no_data');
  });

  /** `lantu evaluate ARGS` in this process; returns what it printed. */
  async function lantuEvaluate(args: string[]): Promise<string> {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await evaluateCommand().exitOverride().parseAsync(args, { from: 'user' });
    } finally {
      spy.mockRestore();
    }
    return out.join('');
  }

  it('the command line: --as-of gives the earlier judgement, without it the revised one; a bad date is refused', async () => {
    type Out = {
      asOf: string | null;
      indicators: { code: string; verdict: string; actual: number | null }[];
    };
    const then = JSON.parse(
      await lantuEvaluate([file, '--year', '2022', '--as-of', '2023-03-01', '--json']),
    ) as Out;
    expect(then.asOf).toBe('2023-03-01');
    expect(then.indicators[0]).toMatchObject({ code: 'A', verdict: 'ahead', actual: 150 });
    const now = JSON.parse(await lantuEvaluate([file, '--year', '2022', '--json'])) as Out;
    expect(now.asOf).toBeNull();
    expect(now.indicators[0]).toMatchObject({ code: 'A', verdict: 'lagging', actual: 120 });
    const table = await lantuEvaluate([file, '--year', '2022', '--as-of', '2023-03-01', '--no-color']);
    expect(table).toContain('截至2023-03-01已发布数据 (as of 2023-03-01)');
    await expect(lantuEvaluate([file, '--as-of', '2023-02-30'])).rejects.toMatchObject({
      code: 'bad_request',
      messages: {
        zh: '--as-of 须为日期 YYYY-MM-DD（收到“2023-02-30”）',
        en: '--as-of must be a date YYYY-MM-DD, got "2023-02-30"',
      },
    });
  });
});

describe.each(testDatabases)('evaluation as of a date and the revision report on $kind', ({ create }) => {
  const s = suiteOf(() => datasetApp(create, dataset));

  it('?asOf= judges on what was released by then, each value in its latest revision then', async () => {
    type Ev = { asOf: string | null; indicators: { code: string; verdict: string; actual: number | null }[] };
    const then = await getJson<Ev>(s.app, `/api/plans/${s.planId}/evaluation?year=2022&asOf=2023-03-01`);
    expect(then.status).toBe(200);
    expect(then.body.asOf).toBe('2023-03-01');
    expect(then.body.indicators[0]).toMatchObject({ verdict: 'ahead', actual: 150 });
    const now = await getJson<Ev>(s.app, `/api/plans/${s.planId}/evaluation?year=2022`);
    expect(now.body.asOf).toBeNull();
    expect(now.body.indicators[0]).toMatchObject({ verdict: 'lagging', actual: 120 });
    expect((await getJson(s.app, `/api/plans/${s.planId}/evaluation?year=2022&asOf=2023-02-30`)).status).toBe(
      422,
    );
  });

  it('the revision report lists the revised value, its change and the verdict it flipped', async () => {
    const r = await getJson<{ year: number; items: Record<string, unknown>[] }>(
      s.app,
      `/api/plans/${s.planId}/revisions`,
    );
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2022);
    expect(r.body.items).toEqual([
      expect.objectContaining({
        code: 'A',
        year: 2022,
        fromValue: 150,
        toValue: 120,
        change: -30,
        revisedOn: '2023-06-01',
        verdictBefore: 'ahead',
        verdictAfter: 'lagging',
        flipped: true,
        source: expect.objectContaining({ kind: 'published', title: '测试公报', revision: 2 }),
      }),
    ]);
  });

  it('every value carries its provenance on the indicator page’s list', async () => {
    const inds = await getJson<{ items: { id: string }[] }>(s.app, `/api/plans/${s.planId}/indicators`);
    const id = inds.body.items[0]!.id;
    const { loginAs } = await import('../support/session.ts');
    const admin = await loginAs(s.app, s.db, 'admin');
    const list = await admin.request('GET', `/api/indicators/${id}/observations`);
    expect(list.status).toBe(200);
    expect(
      (
        list.body.items as {
          value: number;
          provenance: { kind: string; releasedOn: string; revision: number };
        }[]
      ).map((o) => [o.value, o.provenance.kind, o.provenance.releasedOn, o.provenance.revision]),
    ).toEqual([
      [150, 'published', '2023-01-10', 1],
      [120, 'published', '2023-06-01', 2],
    ]);
  });
});
