import type { Queryable } from '../../../db/db.types.ts';
import {
  listApprovedValues,
  type ApprovedValueRow,
} from '../../../db/repositories/approved-values.repository.ts';
import type {
  EvaluationObservation,
  Method,
  PlanEvaluation,
  Verdict,
} from '../../../domain/evaluation/index.ts';
import { evaluatePlan, inferRelatedCode } from '../../../domain/evaluation/index.ts';
import type { IndicatorScope, IndicatorSpec } from '../../../domain/indicator.ts';
import type { ObservationPoint } from '../../../domain/observation.ts';
import {
  getPlan,
  getPlanIndicators,
  type IndicatorWithDepartments,
  type PlanSummary,
} from '../plans/plans.service.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { observeEvaluation } from '../../metrics.ts';

export type { IndicatorScope };

export interface LiveEvaluation extends PlanEvaluation {
  plan: PlanSummary;
  /** The date the evaluation was made as of (only values released on or before it), null = everything known now. */
  asOf: string | null;
  /** Indicator code → database id, so clients can link results to indicator pages. */
  ids: Record<string, string>;
}

/**
 * Everything an evaluation of a plan reads, loaded once: the plan, its indicators with their departments and
 * the approved values (latest revision each; drafts never count). Every caller that evaluates a plan — the API,
 * the public pages, reports, snapshots, the series and the warning sweep — loads through here and can evaluate
 * the same inputs for several years, methods or scopes, and reuse them for what it shows besides.
 */
export interface EvaluationInputs {
  plan: PlanSummary;
  items: IndicatorWithDepartments[];
  values: ApprovedValueRow[];
  asOf: string | null;
}

export async function loadEvaluationInputs(
  db: Queryable,
  planId: string,
  opts: { asOf?: string | null } = {},
): Promise<EvaluationInputs> {
  const asOf = opts.asOf ?? null;
  const [{ plan, items }, values] = await Promise.all([
    getPlanIndicators(db, planId),
    listApprovedValues(db, planId, { asOf }),
  ]);
  return { plan, items, values, asOf };
}

/** The engine's input for one scope: specs, ids and annual observations by code. */
interface Prepared {
  plan: PlanSummary;
  specs: IndicatorSpec[];
  ids: Record<string, string>;
  observations: Map<string, EvaluationObservation[]>;
}

function observationsByCode(values: readonly ApprovedValueRow[]): Map<string, EvaluationObservation[]> {
  const observations = new Map<string, EvaluationObservation[]>();
  for (const v of values) {
    // Annual evaluation reads annual values; sub-annual periods ("2024Q1", "2024-03") are monitoring only.
    if (v.period !== String(v.year)) continue;
    const list = observations.get(v.code) ?? [];
    list.push({ year: v.year, value: v.value, text: v.text, kind: v.kind, revision: v.version });
    observations.set(v.code, list);
  }
  return observations;
}

function prepare(inputs: EvaluationInputs, scope: IndicatorScope): Prepared {
  const chosen = scope === 'all' ? inputs.items : inputs.items.filter((i) => i.origin === 'table');
  return {
    plan: inputs.plan,
    specs: chosen.map((i) => ({ ...i, departments: i.departments.map((d) => d.code) })),
    ids: Object.fromEntries(chosen.map((i) => [i.code, i.id])),
    observations: observationsByCode(inputs.values),
  };
}

function run(p: Prepared, year: number, method: Method): PlanEvaluation {
  return evaluatePlan({
    indicators: p.specs,
    observations: p.observations,
    year,
    method,
    options: { periodStart: p.plan.periodStart, periodEnd: p.plan.periodEnd },
  });
}

/**
 * Judges loaded inputs for a year (no database access). The evaluation-time metric counts from `startedAt`:
 * pass the time taken before loading so it covers load + judge.
 */
export function evaluateInputs(
  inputs: EvaluationInputs,
  q: { year: number; method: Method; scope: IndicatorScope },
  startedAt: number = performance.now(),
): LiveEvaluation {
  const p = prepare(inputs, q.scope);
  const result = { ...run(p, q.year, q.method), plan: inputs.plan, asOf: inputs.asOf, ids: p.ids };
  observeEvaluation(q.scope, (performance.now() - startedAt) / 1000);
  return result;
}

/** Judges a plan's indicators for a year on approved values only. */
export async function evaluatePlanLive(
  db: Queryable,
  planId: string,
  q: { year: number; method: Method; scope: IndicatorScope; asOf?: string | null },
): Promise<LiveEvaluation> {
  const started = performance.now();
  return evaluateInputs(await loadEvaluationInputs(db, planId, { asOf: q.asOf ?? null }), q, started);
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
  const p = prepare(await loadEvaluationInputs(db, planId), q.scope);
  const last = Math.min(q.to, p.plan.periodEnd);
  const years: PlanEvaluation[] = [];
  for (let y = p.plan.periodStart; y <= last; y++) years.push(run(p, y, q.method));
  return { plan: p.plan, ids: p.ids, years };
}

/**
 * The time-progress verdict an indicator would get if `candidate` were approved (for the lagging-note rule).
 * Judges that indicator alone: only its values, and those of the indicator a relational target compares with,
 * are read — not the whole plan's.
 */
export async function verdictWithCandidate(
  db: Queryable,
  planId: string,
  code: string,
  candidate: ObservationPoint,
): Promise<Verdict | null> {
  const [plan, rows] = await Promise.all([getPlan(db, planId), indicatorsRepository.listByPlan(db, planId)]);
  const all: IndicatorSpec[] = rows.map((i) => ({ ...i, departments: [] }));
  const spec = all.find((i) => i.code === code);
  if (spec === undefined) return null;
  const relatedCode = spec.relatedCode ?? (spec.kind === 'relational' ? inferRelatedCode(spec, all) : null);
  const codes = relatedCode === null ? [code] : [code, relatedCode];
  const observations = observationsByCode(await listApprovedValues(db, planId, { codes }));
  const others = (observations.get(code) ?? []).filter(
    (o) => !(o.year === candidate.year && o.kind === candidate.kind),
  );
  observations.set(code, [...others, { ...candidate, revision: Number.MAX_SAFE_INTEGER }]);
  const p: Prepared = {
    plan,
    specs: all.filter((i) => codes.includes(i.code)),
    ids: {},
    observations,
  };
  return run(p, candidate.year, 'time').indicators.find((i) => i.code === code)?.verdict ?? null;
}
