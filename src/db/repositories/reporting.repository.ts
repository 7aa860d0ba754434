import type { Queryable } from '../db.types.ts';
import type { Frequency, TargetKind } from '../../domain/indicator.ts';
import type { ObservationStatus } from '../../domain/observation.ts';

/** The published version of a plan key. */
export interface CurrentPlan {
  id: string;
  key: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  parentId: string | null;
}

export interface ReportingIndicator {
  id: string;
  planId: string;
  code: string;
  name: string;
  unit: string | null;
  kind: TargetKind;
  frequency: Frequency;
  dueDays: number;
  position: number;
}

/** The latest version of a value (totals, kind actual) for an indicator and period. */
export interface LatestValue {
  id: string;
  indicatorId: string;
  period: string;
  status: ObservationStatus;
  version: number;
  value: number | null;
  text: string | null;
}

/** A value waiting for approval, as the approver needs to judge it. */
export interface SubmittedValue {
  observationId: string;
  period: string;
  year: number;
  value: number | null;
  text: string | null;
  note: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
}

/** An approved annual value (latest version), for the previous-year comparison and the outlier check. */
export interface ApprovedAnnual {
  indicatorId: string;
  year: number;
  value: number;
}

const INDICATOR_COLUMNS = `i.id, i.plan_id AS "planId", i.code, i.name, i.unit, i.kind, i.frequency,
  i.due_days AS "dueDays", i.position`;

/** Reads for the reporting calendar (inbox) and the spreadsheet round trip. */
export const reportingRepository = {
  async currentPlans(db: Queryable): Promise<CurrentPlan[]> {
    return db.query<CurrentPlan>(
      `SELECT DISTINCT ON (p.key) p.id, p.key, p.title, p.period_start AS "periodStart",
              p.period_end AS "periodEnd", p.parent_id AS "parentId"
         FROM plans p WHERE p.status = 'published' ORDER BY p.key, p.version DESC`,
    );
  },

  /** Indicators of the given plans; only those assigned to one of `departmentIds` unless it is null. */
  async indicators(
    db: Queryable,
    planIds: readonly string[],
    departmentIds: readonly string[] | null,
  ): Promise<ReportingIndicator[]> {
    return db.query<ReportingIndicator>(
      `SELECT ${INDICATOR_COLUMNS} FROM indicators i
        WHERE i.plan_id = ANY($1::uuid[])
          AND ($2::uuid[] IS NULL OR EXISTS (
                SELECT 1 FROM assignments a WHERE a.indicator_id = i.id AND a.department_id = ANY($2::uuid[])))
        ORDER BY i.plan_id, i.position`,
      [[...planIds], departmentIds === null ? null : [...departmentIds]],
    );
  },

  async latestValues(db: Queryable, indicatorIds: readonly string[]): Promise<LatestValue[]> {
    if (indicatorIds.length === 0) return [];
    return db.query<LatestValue>(
      `SELECT DISTINCT ON (indicator_id, period) id, indicator_id AS "indicatorId", period, status, version,
              value, text
         FROM observations
        WHERE indicator_id = ANY($1::uuid[]) AND kind = 'actual' AND region_id IS NULL
        ORDER BY indicator_id, period, version DESC`,
      [[...indicatorIds]],
    );
  },

  /** Values waiting for approval in the given plans. */
  async submitted(
    db: Queryable,
    planIds: readonly string[],
  ): Promise<(ReportingIndicator & SubmittedValue)[]> {
    return db.query<ReportingIndicator & SubmittedValue>(
      `SELECT ${INDICATOR_COLUMNS}, o.id AS "observationId", o.period, o.year, o.value, o.text, o.note,
              i.baseline_year AS "baselineYear", i.baseline_value AS "baselineValue"
         FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE o.status = 'submitted' AND i.plan_id = ANY($1::uuid[])
        ORDER BY o.submitted_at`,
      [[...planIds]],
    );
  },

  /** Approved whole-area annual values of the given indicators, latest version per year, oldest first. */
  async approvedAnnual(db: Queryable, indicatorIds: readonly string[]): Promise<ApprovedAnnual[]> {
    if (indicatorIds.length === 0) return [];
    return db.query<ApprovedAnnual>(
      `SELECT DISTINCT ON (indicator_id, period) indicator_id AS "indicatorId", year, value
         FROM observations
        WHERE indicator_id = ANY($1::uuid[]) AND status = 'approved' AND kind = 'actual' AND value IS NOT NULL
          AND region_id IS NULL AND period ~ '^[0-9]{4}$'
        ORDER BY indicator_id, period, version DESC`,
      [[...indicatorIds]],
    );
  },
};
