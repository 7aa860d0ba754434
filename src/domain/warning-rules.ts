/**
 * The early-warning rules (预警规则, issue 16 §3): the kinds of trouble lantu watches, what each measures and
 * the default yellow and red thresholds; a plan's office may change them. Pure.
 */
import type { Bilingual } from './evaluation/types.ts';
import { LantuError } from './errors.ts';

export const WARNING_KINDS = [
  'indicator_lagging',
  'schedule_gap',
  'annual_target',
  'value_unreported',
  'reply_overdue',
  'project_investment',
  'milestone_overdue',
  'supervision_overdue',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_LEVELS = ['yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_SUBJECTS = ['indicator', 'task', 'project', 'comment', 'supervision'] as const;
export type WarningSubject = (typeof WARNING_SUBJECTS)[number];

export interface WarningRule {
  kind: WarningKind;
  enabled: boolean;
  /** The measure at or above which the warning is yellow, and red. */
  yellow: number;
  red: number;
}

/**
 * The rules, one entry each: its title, what it measures (higher is always worse, for the rule editor and the
 * docs) and its default yellow and red thresholds.
 */
const RULES: Record<WarningKind, { title: Bilingual; measure: Bilingual; yellow: number; red: number }> = {
  indicator_lagging: {
    title: { zh: '指标滞后或逆向变化', en: 'Indicator lagging or moving the wrong way' },
    measure: {
      zh: '连续判定为滞后的年数（逆向变化直接为红色）',
      en: 'consecutive years judged behind (moving the wrong way is red)',
    },
    yellow: 1,
    red: 2,
  },
  schedule_gap: {
    title: { zh: '进度落后于时序', en: 'Progress behind schedule' },
    measure: { zh: '落后时间进度的百分点', en: 'points of progress behind the elapsed time' },
    yellow: 5,
    red: 15,
  },
  annual_target: {
    title: { zh: '年度目标未完成或有风险', en: 'Annual target missed or at risk' },
    measure: {
      zh: '距全年目标（年中为半年目标）差的百分点',
      en: 'points short of the annual target (of half of it at half-year)',
    },
    yellow: 0.5,
    red: 5,
  },
  value_unreported: {
    title: { zh: '数据逾期未报', en: 'Value not reported after its due date' },
    measure: { zh: '逾期天数', en: 'days past the due date' },
    yellow: 1,
    red: 30,
  },
  reply_overdue: {
    title: { zh: '意见答复逾期', en: 'Comment reply overdue' },
    measure: { zh: '逾期天数', en: 'days past the reply deadline' },
    yellow: 1,
    red: 5,
  },
  project_investment: {
    title: { zh: '项目投资滞后于时序进度', en: 'Project investment behind schedule' },
    measure: {
      zh: '年度投资完成率落后时序进度的百分点',
      en: 'points the year’s investment completion trails the share of the year elapsed',
    },
    yellow: 10,
    red: 25,
  },
  milestone_overdue: {
    title: { zh: '工作节点逾期', en: 'Milestone overdue' },
    measure: { zh: '逾期天数', en: 'days past the milestone date' },
    yellow: 1,
    red: 30,
  },
  supervision_overdue: {
    title: { zh: '督办逾期', en: 'Supervision step overdue' },
    measure: { zh: '当前步骤逾期天数', en: 'days past the current step’s deadline' },
    yellow: 1,
    red: 1,
  },
};

/** What each rule measures, for the rule editor and the docs. */
export const RULE_MEASURES: Record<WarningKind, { title: Bilingual; measure: Bilingual }> = mapRules(
  ({ title, measure }) => ({ title, measure }),
);

export const DEFAULT_RULES: Record<WarningKind, WarningRule> = mapRules(({ yellow, red }, kind) => ({
  kind,
  enabled: true,
  yellow,
  red,
}));

function mapRules<T>(f: (rule: (typeof RULES)[WarningKind], kind: WarningKind) => T): Record<WarningKind, T> {
  return Object.fromEntries(WARNING_KINDS.map((k) => [k, f(RULES[k], k)])) as Record<WarningKind, T>;
}

/** Where a warning's subject is seen in the workspace. */
export function subjectLink(type: WarningSubject, id: string): string {
  switch (type) {
    case 'indicator':
      return `/indicators/${id}`;
    case 'task':
      return `/plan/${id}`;
    case 'project':
      return `/projects?id=${id}`;
    case 'comment':
      return `/comments?id=${id}`;
    case 'supervision':
      return `/supervision?id=${id}`;
  }
}

/** The plan's rules: the stored ones over the defaults, every kind present, in the order of WARNING_KINDS. */
export function effectiveRules(stored: readonly WarningRule[]): WarningRule[] {
  const byKind = new Map(stored.map((r) => [r.kind, r]));
  return WARNING_KINDS.map((k) => byKind.get(k) ?? DEFAULT_RULES[k]);
}

/** A rule the office may save: finite thresholds, yellow no higher than red. */
export function checkRule(r: WarningRule): WarningRule {
  if (!Number.isFinite(r.yellow) || !Number.isFinite(r.red))
    throw new LantuError('validation_failed', {
      zh: '阈值须为数字',
      en: `Thresholds of ${r.kind} must be numbers`,
    });
  if (r.yellow > r.red)
    throw new LantuError('validation_failed', {
      zh: '黄色阈值不得高于红色阈值',
      en: `The yellow threshold of ${r.kind} (${r.yellow}) is above the red one (${r.red})`,
    });
  return r;
}

/** The level a measure reaches under a rule, or null when below the yellow threshold. */
export function levelOf(rule: WarningRule, measure: number): WarningLevel | null {
  if (!rule.enabled || !Number.isFinite(measure)) return null;
  if (measure >= rule.red) return 'red';
  if (measure >= rule.yellow) return 'yellow';
  return null;
}
