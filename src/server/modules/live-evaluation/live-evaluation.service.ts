import type { Queryable } from '../../../db/db.types.ts';
import { listApprovedValues } from '../../../db/repositories/observations.repository.ts';
import type {
  EvaluationObservation,
  Method,
  PlanEvaluation,
  Verdict,
} from '../../../domain/evaluation/index.ts';
import { evaluatePlan } from '../../../domain/evaluation/index.ts';
import type { IndicatorSpec } from '../../../domain/indicator.ts';
import type { ObservationPoint } from '../../../domain/observation.ts';
import { getPlanIndicators, type PlanSummary } from '../plans/plans.service.ts';
import { observeEvaluation } from '../../metrics.ts';

export type IndicatorScope = 'table' | 'all';

export interface LiveEvaluation extends PlanEvaluation {
  plan: PlanSummary;
  /** The date the evaluation was made as of (only values released on or before it), null = everything known now. */
  asOf: string | null;
  /** Indicator code → database id, so clients can link results to indicator pages. */
  ids: Record<string, string>;
}

interface EvaluationInputs {
  plan: PlanSummary;
  specs: IndicatorSpec[];
  ids: Record<string, string>;
  observations: Map<string, EvaluationObservation[]>;
}

/** Indicators and their approved annual values (drafts never count). */
async function loadInputs(
  db: Queryable,
  planId: string,
  scope: IndicatorScope,
  asOf: string | null = null,
): Promise<EvaluationInputs> {
  const { plan, items } = await getPlanIndicators(db, planId);
  const chosen = scope === 'all' ? items : items.filter((i) => i.origin === 'table');
  const specs: IndicatorSpec[] = chosen.map((i) => ({ ...i, departments: i.departments.map((d) => d.code) }));
  const observations = new Map<string, EvaluationObservation[]>();
  for (const v of await listApprovedValues(db, planId, { asOf })) {
    // Annual evaluation reads annual values; sub-annual periods ("2024Q1", "2024-03") are monitoring only.
    if (v.period !== String(v.year)) continue;
    const list = observations.get(v.code) ?? [];
    list.push({ year: v.year, value: v.value, text: v.text, kind: v.kind, revision: v.version });
    observations.set(v.code, list);
  }
  return { plan, specs, ids: Object.fromEntries(chosen.map((i) => [i.code, i.id])), observations };
}

function run(inputs: EvaluationInputs, year: number, method: Method): PlanEvaluation {
  return evaluatePlan({
    indicators: inputs.specs,
    observations: inputs.observations,
    year,
    method,
    options: { periodStart: inputs.plan.periodStart, periodEnd: inputs.plan.periodEnd },
  });
}

/** Judges a plan's indicators for a year on approved values only. */
export async function evaluatePlanLive(
  db: Queryable,
  planId: string,
  q: { year: number; method: Method; scope: IndicatorScope; asOf?: string | null },
): Promise<LiveEvaluation> {
  const started = performance.now();
  const asOf = q.asOf ?? null;
  const inputs = await loadInputs(db, planId, q.scope, asOf);
  const result = { ...run(inputs, q.year, q.method), plan: inputs.plan, asOf, ids: inputs.ids };
  observeEvaluation(q.scope, (performance.now() - started) / 1000);
  return result;
}

/**
 * One evaluation per year from the plan's first year to `to`, on inputs loaded once (the series a chart draws:
 * the judged value of each year, without one request and one load per year).
 */
export async function evaluatePlanYears(
  db: Queryable,
  planId: string,
  q: { to: number; method: Method; scope: IndicatorScope },
): Promise<{ plan: PlanSummary; ids: Record<string, string>; years: PlanEvaluation[] }> {
  const inputs = await loadInputs(db, planId, q.scope);
  const last = Math.min(q.to, inputs.plan.periodEnd);
  const years: PlanEvaluation[] = [];
  for (let y = inputs.plan.periodStart; y <= last; y++) years.push(run(inputs, y, q.method));
  return { plan: inputs.plan, ids: inputs.ids, years };
}

/** The time-progress verdict an indicator would get if `candidate` were approved (for the lagging-note rule). */
export async function verdictWithCandidate(
  db: Queryable,
  planId: string,
  code: string,
  candidate: ObservationPoint,
): Promise<Verdict | null> {
  const inputs = await loadInputs(db, planId, 'all');
  const others = (inputs.observations.get(code) ?? []).filter(
    (o) => !(o.year === candidate.year && o.kind === candidate.kind),
  );
  inputs.observations.set(code, [...others, { ...candidate, revision: Number.MAX_SAFE_INTEGER }]);
  return run(inputs, candidate.year, 'time').indicators.find((i) => i.code === code)?.verdict ?? null;
}
