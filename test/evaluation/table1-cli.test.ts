import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEvaluate, toJson } from '../../src/cli/commands/evaluate.run.ts';
import { main } from '../../src/cli/main.ts';

import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, SIP_OUTLINE_PATH } from '../importers/support.ts';
const OUTLINE = SIP_OUTLINE_PATH;
const DATASET = join(import.meta.dirname, '../../data/sip-14th/dataset.json');

interface JsonIndicator {
  code: string;
  name: string;
  verdict: string;
  explanation: { zh: string; en: string };
}
interface JsonOut {
  year: number;
  method: string;
  indicators: JsonIndicator[];
  summary: { counts: Record<string, number>; sentence: { zh: string } };
}

const EXPECTED: Record<number, string> = {
  2: 'achieved',
  3: 'achieved',
  4: 'not_achieved',
  5: 'achieved',
  6: 'achieved',
  7: 'not_achieved',
  8: 'achieved',
  9: 'achieved',
  10: 'achieved',
  11: 'no_data',
  13: 'achieved',
  14: 'achieved',
  15: 'achieved',
  16: 'achieved',
  17: 'achieved',
  18: 'achieved',
  19: 'achieved',
  20: 'achieved',
  21: 'achieved',
  22: 'achieved',
};

function check(out: JsonOut): void {
  expect(out.year).toBe(2020);
  expect(out.indicators).toHaveLength(22);
  const row = (n: number) => {
    const r = out.indicators.find((i) => i.code === `T1-${String(n).padStart(2, '0')}`);
    if (r === undefined) throw new Error(`row ${n} missing`);
    return r;
  };
  for (const [n, verdict] of Object.entries(EXPECTED))
    expect(row(Number(n)).verdict, `row ${n} ${row(Number(n)).name}`).toBe(verdict);
  // Rows 1 and 12: the verdict, and an explanation that names the tolerance / the comparison.
  expect(row(1).verdict).toBe('achieved'); // 6.5 within 7 ± the tolerance
  expect(row(1).explanation.zh).toMatch(/7±0\.\d/);
  expect(row(1).explanation.zh).toMatch(/容差/);
  expect(row(12).verdict).toBe('not_achieved'); // 同步 does not meet 高于
  expect(row(12).explanation.zh).toContain('高于');
  expect(row(12).explanation.zh).toContain('同步');
  expect(row(11).explanation.zh).toContain('人普结果尚未发布');
}

describe.skipIf(!HAVE_SIP_OUTLINE)(
  `lantu evaluate --table 1 --year 2020 (13th-plan final evaluation)${NEEDS_SIP_OUTLINE}`,
  () => {
    it('from the plan document, imported on the fly', async () => {
      check(toJson(await runEvaluate({ plan: OUTLINE, table: 1, year: 2020, method: 'time' })) as JsonOut);
    });

    it('from the dataset JSON', async () => {
      check(toJson(await runEvaluate({ plan: DATASET, table: 1, year: 2020, method: 'time' })) as JsonOut);
    });
  },
);

describe('lantu evaluate (CLI edges)', () => {
  let out = '';
  let err = '';
  const capture = () => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (s: string | Uint8Array) => ((out += String(s)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (s: string | Uint8Array) => ((err += String(s)), true),
    );
  };
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('--json prints the specified shape', async () => {
    capture();
    const code = await main([
      'node',
      'lantu',
      'evaluate',
      '--plan',
      DATASET,
      '--table',
      '1',
      '--year',
      '2020',
      '--json',
    ]);
    expect(code).toBe(0);
    const j = JSON.parse(out) as JsonOut;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['year', 'method', 'indicators', 'summary']));
    expect(Object.keys(j.indicators[0] ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'kind',
        'attribute',
        'verdict',
        'expected',
        'actual',
        'progress',
        'elapsed',
        'projection',
        'requiredRate',
        'probability',
        'explanation',
      ]),
    );
    expect(j.summary.sentence.zh).toBe('22项主要指标中，18项已完成，3项未完成，1项数据暂缺。');
  });

  it('a missing file is not found (exit 4); a bad dataset fails validation (exit 2)', async () => {
    capture();
    expect(await main(['node', 'lantu', 'evaluate', '--plan', '/nonexistent/plan.json'])).toBe(4);
    const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ formatVersion: 2 }));
    expect(await main(['node', 'lantu', 'evaluate', '--plan', bad])).toBe(2);
    expect(err).toContain('not a lantu dataset');
  });

  it('--data CSV adds values by code, name, or name with unit; mid-period verdicts follow time progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-'));
    const csv = join(dir, 'values.csv');
    writeFileSync(
      csv,
      [
        'indicator,year,value,kind',
        'T2-11,2022,3100',
        '地区生产总值年均增速（%）,2021,8.6',
        '地区生产总值年均增速,2022,2.1',
        '居民人均可支配收入增长率,2021,9.0',
        '居民人均可支配收入增长率,2022,3.0',
        '城镇登记失业率（%）,2022,1.9',
        '单位地区生产总值能源消耗降低,2022,3.5',
        '单位地区生产总值能源消耗降低,2022,3.2,assigned',
        '社区养老服务设施覆盖率,2022,100',
      ].join('\n'),
    );
    const r = await runEvaluate({ plan: DATASET, year: 2022, data: csv, method: 'time' });
    const by = (c: string) => r.indicators.find((i) => i.code === c);
    expect(r.indicators).toHaveLength(36);
    expect(by('T2-11')?.verdict).toBe('on_track'); // 1837 → 3100 of 5000: 40% vs 40%
    expect(by('T2-01')?.actual).toBeCloseTo((Math.sqrt(1.086 * 1.021) - 1) * 100, 3);
    expect(by('T2-21')?.verdict).toBe('on_track');
    expect(by('T2-22')?.verdict).toBe('on_track'); // binding ceiling: never achieved early
    expect(by('T2-28')?.verdict).toBe('on_track');
    expect(by('T2-27')?.verdict).toBe('on_track');
    expect(by('T2-02')?.verdict).toBe('no_data');
    expect(r.indicators[0]?.attribute).toBe('binding');
    expect(r.summary.sentence.zh).toMatch(
      /^36项主要指标中，\d+项提前实现，\d+项快于预期，\d+项基本符合预期，\d+项滞后，\d+项数据暂缺/,
    );
  });

  it('--data rejects unknown indicators with the line number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-eval-'));
    const csv = join(dir, 'values.csv');
    writeFileSync(csv, 'indicator,year,value\n不存在的指标,2022,1\n');
    await expect(runEvaluate({ plan: DATASET, year: 2022, data: csv, method: 'time' })).rejects.toThrow(
      /line 2: unknown indicator/,
    );
  });
});
