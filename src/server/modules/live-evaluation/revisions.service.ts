import type { Queryable } from '../../../db/db.types.ts';
import { listApprovedVersions } from '../../../db/repositories/approved-values.repository.ts';
import type { Method } from '../../../domain/evaluation/index.ts';
import type { IndicatorSpec } from '../../../domain/indicator.ts';
import {
  revisionReport,
  type DatedObservation,
  type RevisionEvent,
} from '../../../domain/revision-report.ts';
import { getPlanIndicators, type PlanSummary } from '../plans/plans.service.ts';

export interface RevisionReport {
  plan: PlanSummary;
  year: number;
  method: Method;
  items: RevisionEvent[];
}

/**
 * The plan's revision report: every approved value that has a later approved version, by how much it changed,
 * and whether the indicator's verdict for `year` (default: the latest year with data, within the plan) flipped.
 */
export async function planRevisions(
  db: Queryable,
  planId: string,
  q: { year?: number; method: Method },
): Promise<RevisionReport> {
  const { plan, items } = await getPlanIndicators(db, planId);
  const specs: IndicatorSpec[] = items.map((i) => ({ ...i, departments: i.departments.map((d) => d.code) }));
  const observations = new Map<string, DatedObservation[]>();
  for (const v of await listApprovedVersions(db, planId)) {
    const list = observations.get(v.code) ?? [];
    list.push({
      year: v.year,
      value: v.value,
      text: v.text,
      kind: v.kind,
      revision: v.version,
      knownOn: v.effectiveOn,
      provenance: v.provenance,
    });
    observations.set(v.code, list);
  }
  const years = [...observations.values()].flat().map((o) => o.year);
  const year = q.year ?? (years.length > 0 ? Math.min(Math.max(...years), plan.periodEnd) : plan.periodStart);
  const events = revisionReport({
    indicators: specs,
    observations,
    year,
    method: q.method,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  });
  return { plan, year, method: q.method, items: events };
}
