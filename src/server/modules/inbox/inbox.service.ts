import type { Queryable } from '../../../db/db.types.ts';
import {
  reportingRepository,
  type ApprovedAnnual,
  type ReportingIndicator,
  type SubmittedValue,
} from '../../../db/repositories/reporting.repository.ts';
import type { Bilingual } from '../../../domain/evaluation/types.ts';
import { checkValue } from '../../../domain/value-checks.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { ObservationStatus } from '../../../domain/observation.ts';
import {
  byUrgency,
  dueDate,
  isoDay,
  parseDay,
  periodsToReport,
  planCollects,
} from '../../../domain/reporting-calendar.ts';
import type { SessionUser } from '../../../domain/user.ts';
import type { InboxType } from './inbox.schemas.ts';

export interface InboxItem {
  type: InboxType;
  indicatorId: string;
  code: string;
  name: string;
  planId: string;
  period: string;
  due: string;
  overdue: boolean;
  observationId?: string;
  value?: number | null;
  text?: string | null;
  unit?: string | null;
  note?: string | null;
  previous?: { year: number; value: number } | null;
  change?: { absolute: number; relative: number | null } | null;
  warnings?: Bilingual[];
}

function item(
  type: InboxType,
  ind: ReportingIndicator,
  period: string,
  today: Date,
  observationId?: string,
): InboxItem {
  const due = dueDate(period, ind.dueDays);
  const day = due ? isoDay(due) : isoDay(today);
  return {
    type,
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    planId: ind.planId,
    period,
    due: day,
    overdue: day < isoDay(today),
    ...(observationId ? { observationId } : {}),
  };
}

/**
 * What an approver needs to judge a submitted value: the value with its unit and note, the latest approved
 * value of an earlier year (else the plan's baseline), the change from it, and the outlier warnings the
 * department saw.
 */
function whatToJudge(s: ReportingIndicator & SubmittedValue, history: readonly ApprovedAnnual[]) {
  const earlier = history.filter((h) => h.indicatorId === s.id && h.year < s.year);
  const last = earlier.at(-1);
  const previous = last
    ? { year: last.year, value: last.value }
    : s.baselineValue !== null && s.baselineYear !== null && s.baselineYear < s.year
      ? { year: s.baselineYear, value: s.baselineValue }
      : null;
  const change =
    previous && s.value !== null
      ? {
          absolute: round(s.value - previous.value),
          relative:
            previous.value === 0 ? null : round((s.value - previous.value) / Math.abs(previous.value)),
        }
      : null;
  const warnings =
    s.value === null
      ? []
      : checkValue({ value: s.value, unit: s.unit, kind: s.kind, history: earlier.map((h) => h.value) })
          .warnings;
  return { value: s.value, text: s.text, unit: s.unit, note: s.note, previous, change, warnings };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What still waits on a value's department, by its latest status. */
function departmentTask(status: ObservationStatus): InboxType | null {
  switch (status) {
    case 'draft':
      return 'submit';
    case 'returned':
      return 'returned';
    case 'submitted':
    case 'approved':
      return null;
  }
}

/**
 * What the user must do, overdue first. Departments: periods to fill, drafts to submit, returned values to
 * fix, for their indicators. Admins and assessors: values to approve. Only the latest version of each plan,
 * and only plans still collecting data.
 */
export async function getInbox(
  db: Queryable,
  user: SessionUser,
  asOf?: string,
): Promise<{ asOf: string; items: InboxItem[] }> {
  const today = asOf === undefined ? parseDay(isoDay(new Date()))! : parseDay(asOf);
  if (!today)
    throw new LantuError('validation_failed', {
      zh: `asOf 须为真实存在的日期 YYYY-MM-DD（收到 ${asOf}）`,
      en: `asOf must be a real day YYYY-MM-DD (got ${asOf})`,
    });
  const plans = (await reportingRepository.currentPlans(db)).filter((p) => planCollects(p.periodEnd, today));
  const planById = new Map(plans.map((p) => [p.id, p]));
  const planIds = plans.map((p) => p.id);
  const items: InboxItem[] = [];

  switch (user.role) {
    case 'department': {
      const indicators = await reportingRepository.indicators(
        db,
        planIds,
        user.departments.map((d) => d.id),
      );
      const latest = new Map(
        (
          await reportingRepository.latestValues(
            db,
            indicators.map((i) => i.id),
          )
        ).map((v) => [`${v.indicatorId}|${v.period}`, v]),
      );
      for (const ind of indicators) {
        const plan = planById.get(ind.planId)!;
        const calendar = {
          frequency: ind.frequency,
          dueDays: ind.dueDays,
          planStart: plan.periodStart,
          planEnd: plan.periodEnd,
        };
        for (const p of periodsToReport(calendar, today)) {
          if (!latest.has(`${ind.id}|${p.period}`)) items.push(item('fill', ind, p.period, today));
        }
      }
      const byId = new Map(indicators.map((i) => [i.id, i]));
      for (const v of latest.values()) {
        const type = departmentTask(v.status);
        if (type) items.push(item(type, byId.get(v.indicatorId)!, v.period, today, v.id));
      }
      break;
    }
    case 'admin':
    case 'assessor':
      {
        const submitted = await reportingRepository.submitted(db, planIds);
        const history = await reportingRepository.approvedAnnual(
          db,
          submitted.map((s) => s.id),
        );
        for (const s of submitted) {
          items.push({ ...item('approve', s, s.period, today, s.observationId), ...whatToJudge(s, history) });
        }
      }
      break;
  }
  return { asOf: isoDay(today), items: items.sort(byUrgency) };
}
