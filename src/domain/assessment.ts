/**
 * Department assessment (目标考核, issue 16 §6): a yearly score per department from weighted criteria, each
 * with its breakdown and the items behind every point lost. Pure: the caller gathers the year's events
 * (`AssessmentFacts`), `scoreDepartments` scores them.
 *
 * Scoring: the criteria's weights add up to 100. A criterion earns its weight times the weighted share of its
 * items met (an item's weight is 1, a binding indicator's `bindingWeight`); an item lost costs its share of
 * the weight, so the points lost of a criterion are the sum of its items'. A criterion without items that
 * year is not applicable and keeps its full weight (nothing to lose). The assessment team's adjustments are
 * added to the score, which stays within 0–100.
 */
import type { Bilingual, Verdict } from './evaluation/types.ts';
import { LantuError } from './errors.ts';

export const ASSESSMENT_CRITERIA = [
  'reporting_on_time',
  'values_returned',
  'indicator_verdicts',
  'milestones_on_time',
  'replies_on_time',
  'supervision_on_time',
] as const;
export type AssessmentCriterion = (typeof ASSESSMENT_CRITERIA)[number];

/** The longest reason the assessment team may give for adjusting a score. */
export const ADJUSTMENT_REASON_MAX = 2000;

export const CRITERION_TITLES: Record<AssessmentCriterion, Bilingual> = {
  reporting_on_time: { zh: '数据按时报送', en: 'Values reported on time' },
  values_returned: { zh: '数据退回修改', en: 'Values returned for correction' },
  indicator_verdicts: { zh: '牵头指标完成情况', en: 'Verdicts of the indicators it leads' },
  milestones_on_time: { zh: '工作节点按时完成', en: 'Task milestones on time' },
  replies_on_time: { zh: '意见按时答复', en: 'Comment replies on time' },
  supervision_on_time: { zh: '督办按时销号', en: 'Supervision orders closed on time' },
};

export interface AssessmentConfig {
  /** Points per criterion; they add up to 100. */
  weights: Record<AssessmentCriterion, number>;
  /** How many times an expected indicator a binding (约束性) one counts. */
  bindingWeight: number;
}

export const DEFAULT_ASSESSMENT_CONFIG: AssessmentConfig = {
  weights: {
    reporting_on_time: 20,
    values_returned: 10,
    indicator_verdicts: 30,
    milestones_on_time: 15,
    replies_on_time: 15,
    supervision_on_time: 10,
  },
  bindingWeight: 2,
};

/** A configuration the office may save: every weight ≥ 0, together 100; a binding weight of at least 1. */
export function checkAssessmentConfig(c: AssessmentConfig): AssessmentConfig {
  for (const k of ASSESSMENT_CRITERIA) {
    const w = c.weights[k];
    if (!Number.isFinite(w) || w < 0)
      throw new LantuError('validation_failed', {
        zh: '权重须为非负数',
        en: `The weight of ${k} must be a number ≥ 0`,
      });
  }
  const total = ASSESSMENT_CRITERIA.reduce((s, k) => s + c.weights[k], 0);
  if (Math.abs(total - 100) > 1e-9)
    throw new LantuError('validation_failed', {
      zh: `各项权重之和须为100（现为${round2(total)}）`,
      en: `The weights add up to ${round2(total)}, not 100`,
    });
  if (!Number.isFinite(c.bindingWeight) || c.bindingWeight < 1)
    throw new LantuError('validation_failed', {
      zh: '约束性指标权重倍数不得小于1',
      en: 'The binding weight must be at least 1',
    });
  return c;
}

/** One thing a department was assessed on, and how it went. */
export interface AssessedItem {
  criterion: AssessmentCriterion;
  departmentId: string;
  /** What it is: an indicator and period, a milestone, a comment, an order. */
  title: string;
  /** Where it is seen in the workspace. */
  link: string;
  /** 1 = met, 0 = missed; in between for a verdict that is behind but not failed. */
  credit: number;
  /** Counts this many times within its criterion (a binding indicator's verdict: bindingWeight). */
  binding?: boolean;
  /** Why it was met or missed. */
  reason: Bilingual;
}

export interface AssessmentFacts {
  year: number;
  /** Every department assessed, with the plan's items or not. */
  departments: readonly { id: string; code: string; name: string }[];
  items: readonly AssessedItem[];
  adjustments: readonly { departmentId: string; points: number; reason: string; by: string; at: string }[];
}

export interface CriterionScore {
  criterion: AssessmentCriterion;
  title: Bilingual;
  weight: number;
  applicable: boolean;
  /** Items assessed and met (credit 1). */
  items: number;
  met: number;
  points: number;
  lost: number;
  /** The items that cost points, most costly first, each with the points it lost. */
  losses: (Omit<AssessedItem, 'criterion' | 'departmentId' | 'binding'> & {
    binding: boolean;
    lost: number;
  })[];
}

export interface DepartmentScore {
  department: { id: string; code: string; name: string };
  rank: number;
  /** Before adjustments. */
  base: number;
  adjustment: number;
  score: number;
  criteria: CriterionScore[];
  adjustments: AssessmentFacts['adjustments'][number][];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100 + 0;
}

/** How much of an indicator's criterion a verdict earns: on track 1, not enough progress ½, failing 0. */
export function verdictCredit(verdict: Verdict): number | null {
  switch (verdict) {
    case 'achieved':
    case 'ahead':
    case 'on_track':
      return 1;
    case 'acceleration_needed':
    case 'limited_progress':
      return 0.5;
    case 'lagging':
    case 'deterioration':
    case 'not_achieved':
      return 0;
    case 'no_data':
    case 'not_assessable':
      return null;
  }
}

function scoreCriterion(
  criterion: AssessmentCriterion,
  weight: number,
  items: readonly AssessedItem[],
  bindingWeight: number,
): CriterionScore {
  const w = (i: AssessedItem) => (i.binding ? bindingWeight : 1);
  const total = items.reduce((s, i) => s + w(i), 0);
  const losses = items
    .filter((i) => i.credit < 1)
    .map((i) => ({
      title: i.title,
      link: i.link,
      credit: i.credit,
      reason: i.reason,
      binding: i.binding === true,
      lost: total > 0 ? (weight * w(i) * (1 - i.credit)) / total : 0,
    }))
    .sort((a, b) => b.lost - a.lost || a.title.localeCompare(b.title));
  const lost = losses.reduce((s, l) => s + l.lost, 0);
  return {
    criterion,
    title: CRITERION_TITLES[criterion],
    weight,
    applicable: items.length > 0,
    items: items.length,
    met: items.filter((i) => i.credit >= 1).length,
    points: round2(weight - lost),
    lost: round2(lost),
    losses: losses.map((l) => ({ ...l, lost: round2(l.lost) })),
  };
}

/** Scores every department of the facts, best first (ties by code); equal scores share a rank. */
export function scoreDepartments(facts: AssessmentFacts, config: AssessmentConfig): DepartmentScore[] {
  const scored = facts.departments.map((department) => {
    const mine = facts.items.filter((i) => i.departmentId === department.id);
    const criteria = ASSESSMENT_CRITERIA.map((k) =>
      scoreCriterion(
        k,
        config.weights[k],
        mine.filter((i) => i.criterion === k),
        config.bindingWeight,
      ),
    );
    const base = round2(
      criteria.reduce((s, c) => s + c.weight, 0) - criteria.reduce((s, c) => s + c.lost, 0),
    );
    const adjustments = facts.adjustments.filter((a) => a.departmentId === department.id);
    const adjustment = round2(adjustments.reduce((s, a) => s + a.points, 0));
    return {
      department,
      rank: 0,
      base,
      adjustment,
      score: round2(Math.min(100, Math.max(0, base + adjustment))),
      criteria,
      adjustments,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.department.code.localeCompare(b.department.code));
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    s.rank = prev && prev.score === s.score ? prev.rank : i + 1;
  });
  return scored;
}

/** An adjustment the assessment team may record: a non-zero number of points within ±100, with a reason. */
export function checkAdjustment(a: { points: number; reason: string }): { points: number; reason: string } {
  if (!Number.isFinite(a.points) || a.points === 0 || Math.abs(a.points) > 100)
    throw new LantuError('validation_failed', {
      zh: '调整分值须在±100以内且不为0',
      en: 'An adjustment is a non-zero number of points within ±100',
    });
  const reason = a.reason.trim();
  if (!reason)
    throw new LantuError('validation_failed', { zh: '调整须说明理由', en: 'An adjustment needs a reason' });
  return { points: a.points, reason };
}
