import type { EvaluationObservation, Method, Verdict } from './evaluation/index.ts';
import { evaluatePlan } from './evaluation/index.ts';
import type { IndicatorSpec } from './indicator.ts';
import type { ObservationKind } from './observation.ts';
import type { Provenance } from './provenance.ts';
import { addDays } from './reporting-calendar.ts';

/** One version of a value as the revision report reads it: the engine's point plus the day it became known. */
export interface DatedObservation extends EvaluationObservation {
  /** The day this version counts from (its source's release, else its approval); null = always known. */
  knownOn: string | null;
  provenance?: Provenance | null;
}

export interface RevisionEvent {
  code: string;
  name: string;
  year: number;
  kind: ObservationKind;
  fromRevision: number;
  toRevision: number;
  fromValue: number | null;
  toValue: number | null;
  /** toValue − fromValue in the indicator's unit (null for text values). */
  change: number | null;
  /** The day the revision became known. */
  revisedOn: string | null;
  source: Provenance | null;
  /** The indicator's verdict for the report year as known the day before the revision, and from that day on. */
  verdictBefore: Verdict;
  verdictAfter: Verdict;
  flipped: boolean;
}

export interface RevisionReportInput {
  indicators: readonly IndicatorSpec[];
  /** Every version of every value (not only the latest). */
  observations: ReadonlyMap<string, readonly DatedObservation[]>;
  year: number;
  method?: Method;
  periodStart: number;
  periodEnd: number;
}

/** The observations known on `day` (all when null), each in its latest revision then. */
function knownAsOf(
  all: ReadonlyMap<string, readonly DatedObservation[]>,
  day: string | null,
): Map<string, EvaluationObservation[]> {
  const out = new Map<string, EvaluationObservation[]>();
  for (const [code, list] of all) {
    const known = list.filter((o) => day === null || o.knownOn === null || o.knownOn <= day);
    out.set(code, known);
  }
  return out;
}

/**
 * Which values were revised, by how much, and whether the revision changed the indicator's verdict for `year`:
 * for every later version of a value, the plan is judged as known the day before it and the day it came.
 */
export function revisionReport(input: RevisionReportInput): RevisionEvent[] {
  const method = input.method ?? 'time';
  const judge = (day: string | null) =>
    evaluatePlan({
      indicators: input.indicators,
      observations: knownAsOf(input.observations, day),
      year: input.year,
      method,
      options: { periodStart: input.periodStart, periodEnd: input.periodEnd, explain: false },
    });
  const cache = new Map<string, Map<string, Verdict>>();
  const verdictsOn = (day: string | null): Map<string, Verdict> => {
    const key = day ?? '';
    let v = cache.get(key);
    if (v === undefined) {
      v = new Map(judge(day).indicators.map((i) => [i.code, i.verdict]));
      cache.set(key, v);
    }
    return v;
  };
  const events: RevisionEvent[] = [];
  for (const spec of input.indicators) {
    const versions = input.observations.get(spec.code) ?? [];
    const byValue = new Map<string, DatedObservation[]>();
    for (const o of versions) {
      const k = `${o.year}|${o.kind}`;
      byValue.set(k, [...(byValue.get(k) ?? []), o]);
    }
    for (const list of byValue.values()) {
      const sorted = [...list].sort((a, b) => (a.revision ?? 1) - (b.revision ?? 1));
      for (let i = 1; i < sorted.length; i++) {
        const from = sorted[i - 1]!;
        const to = sorted[i]!;
        const revisedOn = to.knownOn;
        const before =
          verdictsOn(revisedOn === null ? null : addDays(revisedOn, -1)).get(spec.code) ?? 'no_data';
        const after = verdictsOn(revisedOn).get(spec.code) ?? 'no_data';
        events.push({
          code: spec.code,
          name: spec.name,
          year: to.year,
          kind: to.kind,
          fromRevision: from.revision ?? 1,
          toRevision: to.revision ?? 1,
          fromValue: from.value,
          toValue: to.value,
          change:
            from.value === null || to.value === null ? null : Math.round((to.value - from.value) * 1e6) / 1e6,
          revisedOn,
          source: to.provenance ?? null,
          verdictBefore: before,
          verdictAfter: after,
          flipped: before !== after,
        });
      }
    }
  }
  return events.sort(
    (a, b) => (a.revisedOn ?? '').localeCompare(b.revisedOn ?? '') || a.code.localeCompare(b.code),
  );
}
