import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction, IndicatorSpec, TargetKind } from '../indicator.ts';
import { VERDICT_INDEX, evaluateColumns } from './columnar.ts';
import { evaluateIndicator } from './evaluate.ts';
import { parseQuantity } from '../quantity-parser.ts';
import { makeSpec } from './testkit.ts';
import { VERDICTS } from './types.ts';

const KINDS: TargetKind[] = [
  'level',
  'share',
  'floor',
  'ceiling',
  'maintain',
  'about',
  'range',
  'cagr',
  'cumulative',
  'reduction',
  'assigned',
  'relational',
];
const DIRS: Direction[] = ['increase', 'decrease', 'none'];
const TARGETS = [
  '5000',
  '55',
  '92以上',
  '2',
  '100',
  '7左右',
  '30-32',
  '6.5',
  '13.5',
  '<5.5',
  '完成市下达任务',
  '与GDP增长同步',
  '翻一番',
  '再提高1',
  '0',
];

const specArb: fc.Arbitrary<IndicatorSpec> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    direction: fc.constantFrom(...DIRS),
    target: fc.option(fc.constantFrom(...TARGETS), { nil: null }),
    baseline: fc.option(
      fc.oneof(fc.integer({ min: -10, max: 6000 }), fc.constantFrom('—', '完成市下达任务')),
      { nil: null },
    ),
    attribute: fc.constantFrom('expected' as const, 'binding' as const),
    unit: fc.constantFrom('%', '家', null),
    tolerance: fc.option(fc.constantFrom(0.5, 0.02), { nil: null }),
    hasYears: fc.boolean(),
  })
  .map((r) =>
    makeSpec({
      kind: r.kind,
      direction: r.direction,
      target: r.target === null ? null : parseQuantity(r.target),
      baseline: r.baseline,
      attribute: r.attribute,
      unit: r.unit,
      tolerance: r.tolerance,
      baselineYear: r.hasYears ? 2020 : null,
      targetYear: r.hasYears ? 2025 : null,
    }),
  );

const seriesArb = fc.array(
  fc.record({
    years: fc.uniqueArray(fc.integer({ min: 2018, max: 2027 }), { maxLength: 7 }),
    values: fc.array(
      fc.oneof(
        fc.integer({ min: -500, max: 8000 }).map((n) => n / 10),
        fc.constant(NaN),
      ),
      { minLength: 7, maxLength: 7 },
    ),
    sorted: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('evaluateColumns', () => {
  it('gives the same verdicts, shares and data years as evaluateIndicator', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 4 }),
        seriesArb,
        fc.integer({ min: 2019, max: 2027 }),
        fc.constantFrom('time' as const, 'trend' as const),
        fc.boolean(),
        (specs, series, year, method, period) => {
          const offsets = [0];
          const years: number[] = [];
          const values: number[] = [];
          const specOf: IndicatorSpec[] = [];
          series.forEach((s, i) => {
            const ys = s.sorted ? [...s.years].sort((a, b) => a - b) : s.years;
            ys.forEach((y, k) => {
              years.push(y);
              values.push(s.values[k] ?? NaN);
            });
            offsets.push(years.length);
            specOf.push(specs[i % specs.length]!);
          });
          const options = period ? { periodStart: 2021, periodEnd: 2025 } : {};
          const out = evaluateColumns({ specs: specOf, offsets, years, values, year, method, options });
          specOf.forEach((spec, s) => {
            const obs = years.slice(offsets[s], offsets[s + 1]).map((y, k) => {
              const v = values[(offsets[s] ?? 0) + k] ?? NaN;
              return { year: y, value: Number.isNaN(v) ? null : v, text: null, kind: 'actual' as const };
            });
            const r = evaluateIndicator(spec, obs, year, method, { ...options, explain: false });
            const msg = `${spec.kind}/${spec.direction} target ${spec.target?.raw ?? '∅'} baseline ${spec.baseline?.raw ?? '∅'} year ${year}: ${JSON.stringify(obs)}`;
            expect(VERDICTS[out.verdicts[s]!], msg).toBe(r.verdict);
            expect(out.dataYear[s], msg).toBe(r.dataYear ?? 0);
            if (r.progress === null)
              expect(Number.isNaN(out.progress[s]!) || r.verdict === 'not_assessable', msg).toBe(true);
            else expect(out.progress[s], msg).toBeCloseTo(r.progress, 3);
            if (r.elapsed !== null) expect(out.elapsed[s], msg).toBeCloseTo(r.elapsed, 3);
          });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('handles the common kinds without the full engine', () => {
    const specs = [
      makeSpec({ kind: 'level', baseline: 1837, target: '5000' }),
      makeSpec({ kind: 'cagr', unit: '%', baseline: 6.5, target: '6.5' }),
    ];
    const out = evaluateColumns({
      specs,
      offsets: [0, 2, 4],
      years: [2021, 2022, 2021, 2022],
      values: [2400, 3100, 6.5, 6.5],
      year: 2022,
    });
    expect(out.fallbacks).toBe(0);
    expect(out.verdicts[0]).toBe(VERDICT_INDEX.on_track);
    expect(out.verdicts[1]).toBe(VERDICT_INDEX.on_track);
    expect(out.progress[1]).toBeCloseTo(0.4, 9);
  });
});
