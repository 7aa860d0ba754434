/**
 * The year's events of a department turned into assessed items (issue 16 §6). Pure: each builder takes what
 * the database holds about one kind of event and says, as of a day, whether it counts and how it went.
 */
import type { AssessedItem, AssessmentCriterion } from './assessment.ts';
import { verdictCredit } from './assessment.ts';
import type { Verdict } from './evaluation/types.ts';
import { verdictLabel } from './evaluation/verdict.ts';
import { daysBetween } from './reporting-calendar.ts';

interface Deadline {
  departmentId: string;
  title: string;
  link: string;
  /** YYYY-MM-DD: done on or before it is on time. */
  due: string;
  /** YYYY-MM-DD when done, else null. */
  doneOn: string | null;
}

/**
 * One thing with a deadline: on time when done by it, lost when done late or still not done after it; not
 * counted yet while it is neither done nor due (as of `asOf`).
 */
export function deadlineItem(
  criterion: AssessmentCriterion,
  d: Deadline,
  asOf: string,
  words: { done: { zh: string; en: string } },
): AssessedItem | null {
  const base = { criterion, departmentId: d.departmentId, title: d.title, link: d.link };
  if (d.doneOn !== null) {
    const late = daysBetween(d.due, d.doneOn);
    return late <= 0
      ? {
          ...base,
          credit: 1,
          reason: {
            zh: `${d.doneOn.slice(0, 10)}${words.done.zh}，期限${d.due}`,
            en: `${words.done.en} on ${d.doneOn.slice(0, 10)}, due ${d.due}`,
          },
        }
      : {
          ...base,
          credit: 0,
          reason: {
            zh: `逾期${late}天${words.done.zh}（期限${d.due}）`,
            en: `${words.done.en} ${late} day${late === 1 ? '' : 's'} late (due ${d.due})`,
          },
        };
  }
  const overdue = daysBetween(d.due, asOf);
  if (overdue <= 0) return null;
  return {
    ...base,
    credit: 0,
    reason: {
      zh: `逾期${overdue}天未${words.done.zh}（期限${d.due}）`,
      en: `not ${words.done.en.toLowerCase()} ${overdue} day${overdue === 1 ? '' : 's'} after the due date ${d.due}`,
    },
  };
}

export interface ReportingEvent {
  departmentId: string;
  indicatorId: string;
  code: string;
  name: string;
  period: string;
  due: string;
  /** The day the department first submitted a value for the period (or it was approved), else null. */
  reportedOn: string | null;
  /**
   * The period's figure came in with the plan's data (a dataset load: published statistics gathered after the
   * fact), not as a report by the department: when it was reported is not known.
   */
  loaded: boolean;
}

/**
 * 数据按时报送 for one period. A loaded figure is not counted either way: stamping it on time would credit a
 * report nobody made, and its load day (often years after the deadline) would mark the department late for
 * the office's own back-filling.
 */
export const reportingItem = (e: ReportingEvent, asOf: string): AssessedItem | null =>
  e.loaded
    ? null
    : deadlineItem(
        'reporting_on_time',
        {
          departmentId: e.departmentId,
          title: `${e.code} ${e.name} ${e.period}`,
          link: `/indicators/${e.indicatorId}`,
          due: e.due,
          doneOn: e.reportedOn,
        },
        asOf,
        { done: { zh: '报送', en: 'Reported' } },
      );

export interface SubmissionEvent {
  departmentId: string;
  indicatorId: string;
  code: string;
  name: string;
  period: string;
  /** The reason it was sent back, when it was. */
  returnReason: string | null;
  returned: boolean;
}

/** Every value the department submitted in the year counts; one sent back for correction loses. */
export function submissionItem(e: SubmissionEvent): AssessedItem {
  return {
    criterion: 'values_returned',
    departmentId: e.departmentId,
    title: `${e.code} ${e.name} ${e.period}`,
    link: `/indicators/${e.indicatorId}`,
    credit: e.returned ? 0 : 1,
    reason: e.returned
      ? {
          zh: `退回修改${e.returnReason ? `：${e.returnReason}` : ''}`,
          en: `returned for correction${e.returnReason ? `: ${e.returnReason}` : ''}`,
        }
      : { zh: '一次通过审核', en: 'not returned' },
  };
}

export interface VerdictEvent {
  departmentId: string;
  indicatorId: string;
  code: string;
  name: string;
  binding: boolean;
  verdict: Verdict;
}

/** The year's verdict of an indicator the department leads; without data or not assessable it is not counted. */
export function verdictItem(e: VerdictEvent, final = false): AssessedItem | null {
  const credit = verdictCredit(e.verdict);
  if (credit === null) return null;
  const label = verdictLabel(e.verdict, final);
  return {
    criterion: 'indicator_verdicts',
    departmentId: e.departmentId,
    title: `${e.code} ${e.name}${e.binding ? '（约束性）' : ''}`,
    link: `/indicators/${e.indicatorId}`,
    credit,
    binding: e.binding,
    reason: { zh: label.zh, en: label.en },
  };
}
