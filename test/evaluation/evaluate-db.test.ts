import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluate } from '../../src/cli/commands/evaluate.run.ts';
import { datasetSchema } from '../../src/domain/dataset.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/database.ts';
import { createLogger } from '../../src/server/logger.ts';
import { loadDataset } from '../../src/server/modules/datasets/dataset.service.ts';

/** `lantu evaluate --plan <key|id>` reads the configured database (read only). */
describe('lantu evaluate with a plan in the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-db-'));
  const saved = { dir: process.env.LANTU_DATA_DIR, url: process.env.DATABASE_URL };
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    process.env.LANTU_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const dataset = datasetSchema.parse(
      JSON.parse(readFileSync(join(import.meta.dirname, '../../data/sip-14th/dataset.json'), 'utf8')),
    );
    const db = await openDatabase(loadConfig(), createLogger('warn'));
    try {
      const loaded = await loadDataset(db, dataset, { actor: 'test', asNewVersion: false });
      ids = Object.fromEntries(loaded.map((p) => [p.key, p.id]));
    } finally {
      await db.close();
    }
  });

  afterAll(() => {
    if (saved.dir === undefined) delete process.env.LANTU_DATA_DIR;
    else process.env.LANTU_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  it('by key: the 13th-plan final evaluation from Table 1', async () => {
    const r = await runEvaluate({ plan: 'sip-13th', table: 1, year: 2020, method: 'time' });
    expect(r.indicators).toHaveLength(22);
    const v = (code: string) => r.indicators.find((i) => i.code === code)?.verdict;
    expect(v('T1-04')).toBe('not_achieved');
    expect(v('T1-07')).toBe('not_achieved');
    expect(v('T1-11')).toBe('no_data');
    expect(v('T1-13')).toBe('achieved');
    expect(v('T1-19')).toBe('achieved');
    expect(r.summary.counts.achieved).toBe(18);
  });

  it('by id, for the current plan', async () => {
    const id = ids['sip-14th'];
    expect(id).toBeDefined();
    const r = await runEvaluate({ plan: id ?? '', year: 2021, method: 'time' });
    expect(r.plan.key).toBe('sip-14th');
    expect(r.indicators).toHaveLength(36);
  });

  it('an unknown plan is not found (exit code 4)', async () => {
    await expect(runEvaluate({ plan: 'no-such-plan', year: 2021, method: 'time' })).rejects.toMatchObject({
      code: 'not_found',
      exitCode: 4,
    });
  });
});
