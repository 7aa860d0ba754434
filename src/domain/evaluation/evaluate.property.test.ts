import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction, IndicatorSpec, TargetKind } from '../indicator.ts';
import { evaluateIndicator } from './evaluate.ts';
import { makeSpec, obs, q } from './testkit.ts';
import type { EvaluationObservation, Method } from './types.ts';
import { verdictRank } from './verdict.ts';

interface Case {
  spec: IndicatorSpec;
  observations: EvaluationObservation[];
  year: number;
  method: Method;
  related: EvaluationObservation[];
  /** +1 if a larger latest value is better, −1 if smaller is. */
  better: 1 | -1;
}

const value = fc.integer({ min: -200, max: 2000 }).map((n) => n / 10);
const positive = fc.integer({ min: 1, max: 2000 }).map((n) => n / 10);
const rate = fc.integer({ min: -50, max: 150 }).map((n) => n / 10);

const KINDS: {
  kind: TargetKind;
  direction: Direction;
  target: fc.Arbitrary<IndicatorSpec['target']>;
  values: fc.Arbitrary<number>;
}[] = [
  { kind: 'level', direction: 'increase', target: positive.map((v) => q(String(v), 'eq', v)), values: value },
  { kind: 'level', direction: 'decrease', target: positive.map((v) => q(String(v), 'eq', v)), values: value },
  {
    kind: 'share',
    direction: 'increase',
    target: positive.map((v) => q(`${v}以上`, 'gte', v, v, null)),
    values: value,
  },
  {
    kind: 'floor',
    direction: 'increase',
    target: positive.map((v) => q(`${v}以上`, 'gte', v, v, null)),
    values: value,
  },
  {
    kind: 'ceiling',
    direction: 'decrease',
    target: positive.map((v) => q(String(v), 'eq', v)),
    values: value,
  },
  {
    kind: 'maintain',
    direction: 'increase',
    target: positive.map((v) => q(String(v), 'eq', v)),
    values: value,
  },
  {
    kind: 'about',
    direction: 'increase',
    target: positive.map((v) => q(`${v}左右`, 'about', v)),
    values: value,
  },
  {
    kind: 'range',
    direction: 'increase',
    target: positive.map((v) => q(`${v}-${v + 2}`, 'range', v + 1, v, v + 2)),
    values: value,
  },
  { kind: 'cagr', direction: 'increase', target: rate.map((v) => q(String(v), 'eq', v)), values: rate },
  {
    kind: 'cumulative',
    direction: 'increase',
    target: positive.map((v) => q(String(v * 5), 'eq', v * 5)),
    values: value,
  },
  {
    kind: 'reduction',
    direction: 'increase',
    target: fc.integer({ min: 1, max: 300 }).map((n) => q(String(n / 10), 'eq', n / 10)),
    values: rate,
  },
  {
    kind: 'relational',
    direction: 'increase',
    target: fc.constantFrom(q('与GDP增长同步', 'text', null), q('高于GDP增幅', 'text', null)),
    values: rate,
  },
];

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    k: fc.integer({ min: 0, max: KINDS.length - 1 }),
    hasBaseline: fc.boolean(),
    baseline: value,
    year: fc.integer({ min: 2021, max: 2026 }),
    method: fc.constantFrom<Method>('time', 'trend'),
    attribute: fc.constantFrom('expected' as const, 'binding' as const),
    seed: fc.array(fc.option(value, { nil: null }), { minLength: 1, maxLength: 6 }),
  })
  .chain((r) => {
    const def = KINDS[r.k] ?? KINDS[0]!;
    return fc
      .record({
        target: def.target,
        vals: fc.array(def.values, { minLength: 1, maxLength: 6 }),
        rel: fc.array(rate, { minLength: 6, maxLength: 6 }),
      })
      .map(({ target, vals, rel }) => {
        const spec = makeSpec({
          kind: def.kind,
          direction: def.direction,
          attribute: r.attribute,
          target,
          baseline: r.hasBaseline ? r.baseline : null,
          relatedCode: def.kind === 'relational' ? 'GDP' : null,
        });
        const observations = vals.map((v, i) => obs(2021 + i, v));
        const related = rel.map((v, i) => obs(2021 + i, v));
        return {
          spec,
          observations,
          year: r.year,
          method: r.method,
          related,
          better: def.direction === 'decrease' ? (-1 as const) : (1 as const),
        };
      });
  });

function evalCase(c: Case) {
  return evaluateIndicator(c.spec, c.observations, c.year, c.method, {
    related: c.related,
    relatedName: 'GDP',
  });
}

describe('properties', () => {
  it('a better value never yields a worse verdict', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 500 }).map((n) => n / 10),
        (c, bump) => {
          const before = evalCase(c);
          if (before.dataYear === null) return;
          const idx = c.observations.findIndex((o) => o.year === before.dataYear);
          const target = c.observations[idx];
          if (target === undefined || target.value === null) return;
          const improved = c.observations.map((o, i) =>
            i === idx ? { ...o, value: (o.value ?? 0) + c.better * bump } : o,
          );
          const after = evalCase({ ...c, observations: improved });
          const rb = verdictRank(before.verdict);
          const ra = verdictRank(after.verdict);
          if (rb === null || ra === null) return;
          expect(
            ra,
            `${c.spec.kind} ${before.verdict} → ${after.verdict}\n${before.explanation.en}\n${after.explanation.en}`,
          ).toBeGreaterThanOrEqual(rb);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('verdicts and results do not depend on input order', () => {
    const withRevisions = caseArb.chain((c) =>
      fc
        .array(fc.record({ i: fc.nat({ max: 5 }), v: value, rev: fc.nat({ max: 3 }) }), { maxLength: 4 })
        .map((extra) => ({
          ...c,
          observations: [
            ...c.observations,
            ...extra.map((e) => obs(2021 + e.i, e.v, { revision: e.rev })),
            obs(2021, 1, { kind: 'assigned' }),
          ],
        })),
    );
    fc.assert(
      fc.property(withRevisions, fc.infiniteStream(fc.nat()), (c, stream) => {
        const shuffled = [...c.observations];
        const it = stream[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value ?? 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const rel = [...c.related].reverse();
        expect(
          JSON.stringify(
            evaluateIndicator(c.spec, shuffled, c.year, c.method, { related: rel, relatedName: 'GDP' }),
          ),
        ).toBe(JSON.stringify(evalCase(c)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and always explains itself', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = evalCase(c);
        expect(r.explanation.zh.length).toBeGreaterThan(0);
        expect(r.explanation.en.length).toBeGreaterThan(0);
        if (r.probability !== null) {
          expect(r.probability.value).toBeGreaterThanOrEqual(0);
          expect(r.probability.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
