/**
 * The national 14th-plan back-test fixture (test/evaluation/fixtures/cn-14th-midterm.json) as the engine's
 * inputs: the 20 indicators of 专栏1 read by the product's own quantity parser, their published figures with
 * revisions, and the NDRC's mid-term verdicts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ATTRIBUTES, DIRECTIONS, TARGET_KINDS } from '../../src/domain/indicator.ts';
import type { IndicatorSpec } from '../../src/domain/indicator.ts';
import { makeSpec } from '../../src/domain/evaluation/testkit.ts';
import { VERDICTS } from '../../src/domain/evaluation/types.ts';
import type { EvaluationObservation } from '../../src/domain/evaluation/types.ts';

const fixtureSchema = z.object({
  plan: z.object({ periodStart: z.number(), periodEnd: z.number(), evaluationYear: z.number() }),
  verdictSources: z.array(z.object({ title: z.string(), url: z.string(), releasedOn: z.string() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      attribute: z.enum(ATTRIBUTES),
      kind: z.enum(TARGET_KINDS),
      direction: z.enum(DIRECTIONS),
      baseline: z.string().nullable(),
      target: z.string(),
      relatedCode: z.string().optional(),
      official: z.enum(VERDICTS),
    }),
  ),
  observations: z.array(
    z.object({
      code: z.string(),
      year: z.number().int(),
      value: z.number(),
      revision: z.number().int(),
      releasedOn: z.string(),
      url: z.string(),
    }),
  ),
  notFound: z.record(z.string(), z.string()),
});
export type NationalFixture = z.infer<typeof fixtureSchema>;

export function readNationalFixture(): NationalFixture {
  const path = fileURLToPath(new URL('../evaluation/fixtures/cn-14th-midterm.json', import.meta.url));
  return fixtureSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function nationalSpecs(f: NationalFixture): IndicatorSpec[] {
  return f.indicators.map((i) =>
    makeSpec({
      code: i.code,
      name: i.name,
      unit: i.unit,
      attribute: i.attribute,
      kind: i.kind,
      direction: i.direction,
      baseline: i.baseline,
      target: i.target,
      relatedCode: i.relatedCode ?? null,
      baselineYear: f.plan.periodStart - 1,
      targetYear: f.plan.periodEnd,
    }),
  );
}

/** Published figures keyed by code; `asOf` keeps only those released on or before that day. */
export function nationalObservations(
  f: NationalFixture,
  asOf: string | null = null,
): Map<string, EvaluationObservation[]> {
  const byCode = new Map<string, EvaluationObservation[]>();
  for (const o of f.observations) {
    if (asOf !== null && o.releasedOn > asOf) continue;
    const list = byCode.get(o.code) ?? [];
    list.push({ year: o.year, value: o.value, text: null, kind: 'actual', revision: o.revision });
    byCode.set(o.code, list);
  }
  return byCode;
}
