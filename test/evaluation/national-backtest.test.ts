import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/domain/evaluation/summary.ts';
import { scheduleLabel, trendLabel } from '../../src/domain/evaluation/judgement.ts';
import type { ScheduleState, TrendOutlook } from '../../src/domain/evaluation/judgement.ts';
import type { Verdict } from '../../src/domain/evaluation/types.ts';
import { verdictLabel } from '../../src/domain/evaluation/verdict.ts';
import { nationalObservations, nationalSpecs, readNationalFixture } from '../support/national-backtest.ts';

/**
 * Back-test: lantu's engine on the national 14th plan's 20 main indicators with the 2021–2022 figures the
 * NDRC's mid-term evaluation (2023-12-26) rested on, against the official verdicts. The table is the one in
 * docs/evaluation-method.md; every disagreement carries its reason there.
 */
/** no_figures: none published; beyond_numbers: official judgement the figures do not carry. */
type Why = 'no_figures' | 'beyond_numbers';
/** lantu's verdict and both parts of its judgement (time progress, trend outlook) for each row of the table. */
interface Row {
  lantu: Verdict;
  schedule: ScheduleState | null;
  trend: TrendOutlook | null;
  why?: Why;
}
const expected: Record<string, Row> = {
  N01: { lantu: 'not_assessable', schedule: null, trend: null, why: 'beyond_numbers' },
  N02: { lantu: 'on_track', schedule: 'on_schedule', trend: null },
  N03: { lantu: 'achieved', schedule: 'met', trend: 'reaches' },
  N04: { lantu: 'ahead', schedule: 'ahead', trend: 'reaches' },
  N05: { lantu: 'ahead', schedule: 'ahead', trend: 'reaches' },
  N06: { lantu: 'no_data', schedule: null, trend: null, why: 'no_figures' },
  N07: { lantu: 'on_track', schedule: 'on_schedule', trend: null },
  N08: { lantu: 'on_track', schedule: 'on_schedule', trend: 'misses' },
  N09: { lantu: 'no_data', schedule: null, trend: null, why: 'no_figures' },
  N10: { lantu: 'ahead', schedule: 'ahead', trend: 'reaches' },
  N11: { lantu: 'no_data', schedule: null, trend: null, why: 'no_figures' },
  N12: { lantu: 'lagging', schedule: 'behind', trend: 'misses' },
  N13: { lantu: 'ahead', schedule: 'ahead', trend: 'reaches', why: 'beyond_numbers' },
  N14: { lantu: 'lagging', schedule: 'behind', trend: 'misses' },
  N15: { lantu: 'lagging', schedule: 'behind', trend: 'misses' },
  N16: { lantu: 'lagging', schedule: 'behind', trend: 'misses' },
  N17: { lantu: 'achieved', schedule: 'met', trend: 'reaches' },
  N18: { lantu: 'ahead', schedule: 'ahead', trend: 'reaches' },
  N19: { lantu: 'on_track', schedule: 'on_schedule', trend: null },
  N20: { lantu: 'no_data', schedule: null, trend: null, why: 'no_figures' },
};

describe('national 14th-plan mid-term back-test (NDRC verdicts, 2022 data)', () => {
  const fixture = readNationalFixture();
  const run = (asOf: string | null, annualRates: 'average' | 'latest' = 'average') =>
    evaluatePlan({
      indicators: nationalSpecs(fixture),
      observations: nationalObservations(fixture, asOf),
      year: fixture.plan.evaluationYear,
      options: { periodStart: fixture.plan.periodStart, periodEnd: fixture.plan.periodEnd, annualRates },
    });
  const result = run(null);
  const official = new Map(fixture.indicators.map((i) => [i.code, i.official]));

  it('the fixture holds the NDRC split: 4 提前实现, 5 快于预期, 7 基本符合预期, 4 滞后', () => {
    const counts = [...official.values()].reduce<Record<string, number>>(
      (c, v) => ({ ...c, [v]: (c[v] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ achieved: 4, ahead: 5, on_track: 7, lagging: 4 });
  });

  it.each(Object.entries(expected))('%s: lantu gives the verdict in the agreement table', (code, row) => {
    const r = result.indicators.find((i) => i.code === code);
    expect(r?.verdict).toBe(row.lantu);
    expect([r?.judgement?.schedule ?? null, r?.judgement?.trend ?? null]).toEqual([row.schedule, row.trend]);
    // A disagreement must have a listed reason; an agreement must not.
    expect(row.lantu === official.get(code)).toBe(row.why === undefined);
  });

  it('indicators listed as without figures are exactly those the fixture found none for', () => {
    const none = Object.entries(expected)
      .filter(([, r]) => r.why === 'no_figures')
      .map(([c]) => c);
    expect(none).toEqual(Object.keys(fixture.notFound).sort());
    for (const c of none) expect(fixture.observations.some((o) => o.code === c)).toBe(false);
  });

  it('agrees on 14 of the 16 indicators whose figures are published', () => {
    const withFigures = result.indicators.filter((r) => expected[r.code]?.why !== 'no_figures');
    const agree = withFigures.filter((r) => r.verdict === official.get(r.code));
    expect(withFigures).toHaveLength(16);
    expect(agree.map((r) => r.code).sort()).toEqual(
      [
        'N02',
        'N03',
        'N04',
        'N05',
        'N07',
        'N08',
        'N10',
        'N12',
        'N14',
        'N15',
        'N16',
        'N17',
        'N18',
        'N19',
      ].sort(),
    );
  });

  it('the annual-rate rule is what brings N04 and N08 into agreement (annualRates: latest undoes it)', () => {
    const latest = run(null, 'latest');
    const pick = (code: string) => latest.indicators.find((r) => r.code === code);
    // R&D growth 7.7 against >7 on the chained path: 44 % of the way at 40 % of the time.
    expect([pick('N04')?.verdict, pick('N04')?.progress]).toEqual(['on_track', 0.4386]);
    // Unemployment on 2022 alone: 5.6 is above 5.5; on the 2021–2022 average (5.35) it holds.
    expect([pick('N08')?.verdict, pick('N08')?.actual]).toEqual(['lagging', 5.6]);
    expect(result.indicators.find((r) => r.code === 'N08')?.actual).toBe(5.35);
    // 与GDP增长同步 on the averages: 5.47 against 5.67 (2021 8.1 vs 8.4, 2022 2.9 vs 3.0).
    expect(result.indicators.find((r) => r.code === 'N07')?.actual).toBe(5.468);
    expect(pick('N07')?.actual).toBe(2.9);
  });

  it('as known on the day of the verdict (2023-12-26) it reads the revised figures and gives the same verdicts', () => {
    const asOf = run(fixture.verdictSources[0]?.releasedOn ?? '');
    for (const r of asOf.indicators) {
      // 托位数 2021 is known only from a repost dated after the evaluation.
      const want = r.code === 'N12' ? 'no_data' : expected[r.code]?.lantu;
      expect([r.code, r.verdict]).toEqual([r.code, want]);
    }
    expect(asOf.indicators.find((r) => r.code === 'N04')?.actual).toBeCloseTo(7.7, 6);
  });

  it('docs/evaluation-method.md shows every row of the agreement table', () => {
    const doc = readFileSync(new URL('../../docs/evaluation-method.md', import.meta.url), 'utf8');
    for (const [code, row] of Object.entries(expected)) {
      const line = doc.split('\n').find((l) => l.startsWith(`| ${code} `));
      expect(line, code).toBeDefined();
      expect(line).toContain(verdictLabel(official.get(code) ?? 'no_data').zh);
      expect(line).toContain(verdictLabel(row.lantu).zh);
      const cells = line?.split('|').map((c) => c.trim()) ?? [];
      // | code | indicator | figures | official | lantu | 时间进度 | 趋势 | agrees | reason |
      expect(cells[6], code).toBe(row.schedule === null ? '—' : scheduleLabel(row.schedule).zh);
      expect(cells[7], code).toBe(row.trend === null ? '—' : trendLabel(row.trend).zh);
    }
  });
});
