import type { Queryable } from '../../../db/db.types.ts';
import { listApprovedValues } from '../../../db/repositories/observations.repository.ts';
import type { EvaluationObservation, Method, PlanEvaluation } from '../../../domain/evaluation/index.ts';
import { evaluatePlan } from '../../../domain/evaluation/index.ts';
import type { IndicatorSpec } from '../../../domain/indicator.ts';
import { getPlanIndicators, type PlanSummary } from '../plans/plans.service.ts';

export type IndicatorScope = 'table' | 'all';

export interface LiveEvaluation extends PlanEvaluation {
  plan: PlanSummary;
  /** Indicator code → database id, so clients can link results to indicator pages. */
  ids: Record<string, string>;
}

/** Judges a plan's indicators for a year on approved values only (drafts never count). */
export async function evaluatePlanLive(
  db: Queryable,
  planId: string,
  q: { year: number; method: Method; scope: IndicatorScope },
): Promise<LiveEvaluation> {
  const { plan, items } = await getPlanIndicators(db, planId);
  const chosen = q.scope === 'all' ? items : items.filter((i) => i.origin === 'table');
  const specs: IndicatorSpec[] = chosen.map((i) => ({ ...i, departments: i.departments.map((d) => d.code) }));
  const observations = new Map<string, EvaluationObservation[]>();
  for (const v of await listApprovedValues(db, planId)) {
    // Annual evaluation reads annual values; sub-annual periods ("2024Q1", "2024-03") are monitoring only.
    if (v.period !== String(v.year)) continue;
    const list = observations.get(v.code) ?? [];
    list.push({ year: v.year, value: v.value, text: v.text, kind: v.kind, revision: v.version });
    observations.set(v.code, list);
  }
  const evaluation = evaluatePlan({
    indicators: specs,
    observations,
    year: q.year,
    method: q.method,
    options: { periodStart: plan.periodStart, periodEnd: plan.periodEnd },
  });
  return { ...evaluation, plan, ids: Object.fromEntries(chosen.map((i) => [i.code, i.id])) };
}
