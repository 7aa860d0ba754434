import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/domain/evaluation/summary.ts';
import type { Verdict } from '../../src/domain/evaluation/types.ts';
import { verdictLabel } from '../../src/domain/evaluation/verdict.ts';
import { nationalObservations, nationalSpecs, readNationalFixture } from '../support/national-backtest.ts';

/**
 * Back-test: lantu's engine on the national 14th plan's 20 main indicators with the 2021–2022 figures the
 * NDRC's mid-term evaluation (2023-12-26) rested on, against the official verdicts. The table is the one in
 * docs/evaluation-method.md; every disagreement carries its reason there.
 */
/** no_figures: none published; beyond_numbers: official judgement the figures do not carry; pending_rule: the
 * annual-rate rule (a growth floor judged on the average so far) is not in the engine yet. */
type Why = 'no_figures' | 'beyond_numbers' | 'pending_rule';
const expected: Record<string, { lantu: Verdict; why?: Why }> = {
  N01: { lantu: 'not_assessable', why: 'beyond_numbers' },
  N02: { lantu: 'on_track' },
  N03: { lantu: 'achieved' },
  N04: { lantu: 'on_track', why: 'pending_rule' },
  N05: { lantu: 'ahead' },
  N06: { lantu: 'no_data', why: 'no_figures' },
  N07: { lantu: 'on_track' },
  N08: { lantu: 'no_data', why: 'no_figures' },
  N09: { lantu: 'no_data', why: 'no_figures' },
  N10: { lantu: 'ahead' },
  N11: { lantu: 'no_data', why: 'no_figures' },
  N12: { lantu: 'lagging' },
  N13: { lantu: 'ahead', why: 'beyond_numbers' },
  N14: { lantu: 'lagging' },
  N15: { lantu: 'lagging' },
  N16: { lantu: 'lagging' },
  N17: { lantu: 'achieved' },
  N18: { lantu: 'ahead' },
  N19: { lantu: 'on_track' },
  N20: { lantu: 'no_data', why: 'no_figures' },
};

describe('national 14th-plan mid-term back-test (NDRC verdicts, 2022 data)', () => {
  const fixture = readNationalFixture();
  const run = (asOf: string | null) =>
    evaluatePlan({
      indicators: nationalSpecs(fixture),
      observations: nationalObservations(fixture, asOf),
      year: fixture.plan.evaluationYear,
      options: { periodStart: fixture.plan.periodStart, periodEnd: fixture.plan.periodEnd },
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

  it('agrees on 12 of the 15 indicators whose figures are published', () => {
    const withFigures = result.indicators.filter((r) => expected[r.code]?.why !== 'no_figures');
    const agree = withFigures.filter((r) => r.verdict === official.get(r.code));
    expect(withFigures).toHaveLength(15);
    expect(agree.map((r) => r.code).sort()).toEqual(
      ['N02', 'N03', 'N05', 'N07', 'N10', 'N12', 'N14', 'N15', 'N16', 'N17', 'N18', 'N19'].sort(),
    );
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
    }
  });
});
