/**
 * The annual plan (年度计划, issue 16 §2): each indicator's 全年预期目标 for a year, how the year went against it
 * (全年完成情况, 完成率, verdict), and for monthly or quarterly indicators the 时间过半、任务过半 check at half-year.
 * Pure: no I/O.
 */
import type { Direction, Frequency, TargetKind } from './indicator.ts';
import { pathMeasure } from './evaluation/kinds.ts';

export const ANNUAL_VERDICTS = ['achieved', 'nearly', 'missed', 'no_data', 'no_target'] as const;
export type AnnualVerdict = (typeof ANNUAL_VERDICTS)[number];

/** 基本完成: within this share short of the annual target. */
export const NEARLY_SHARE = 0.05;
/** An annual target is noted when it leaves the five-year path by more than this share. */
export const PATH_GAP_SHARE = 0.01;

export interface AnnualIndicator {
  kind: TargetKind;
  direction: Direction;
  frequency: Frequency;
  baselineYear: number | null;
  baselineValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
}

/**
 * The value on the straight path from baseline to the five-year target in `year`, for kinds whose path is
 * the value itself (level, share, floor); null otherwise (growth rates, sums and conditions have no
 * comparable yearly level).
 */
export function pathValueIn(ind: AnnualIndicator, year: number): number | null {
  if (pathMeasure(ind.kind) !== 'value') return null;
  const { baselineYear: y0, baselineValue: v0, targetYear: y1, targetValue: v1 } = ind;
  if (y0 === null || v0 === null || y1 === null || v1 === null || y1 <= y0) return null;
  if (year <= y0) return v0;
  if (year >= y1) return v1;
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

/** Whether an annual target leaves the path to the five-year target (and by how much, as a share). */
export function pathGap(annual: number, path: number | null): { differs: boolean; share: number | null } {
  if (path === null || path === 0) return { differs: false, share: null };
  const share = (annual - path) / Math.abs(path);
  return { differs: Math.abs(share) > PATH_GAP_SHARE, share: Math.round(share * 1000) / 1000 };
}

/**
 * 完成率: the actual against the annual target, in the indicator's direction (for an indicator that must fall,
 * meeting a lower target is 100 % and above it less). null without both numbers.
 */
export function completionRate(
  direction: Direction,
  annual: number | null,
  actual: number | null,
): number | null {
  if (annual === null || actual === null) return null;
  if (direction === 'decrease') {
    if (actual === 0) return annual >= 0 ? 1 : null;
    return Math.round((annual / actual) * 1000) / 1000;
  }
  if (annual === 0) return actual >= 0 ? 1 : null;
  return Math.round((actual / annual) * 1000) / 1000;
}

export function annualVerdict(annual: number | null, rate: number | null): AnnualVerdict {
  if (annual === null) return 'no_target';
  if (rate === null) return 'no_data';
  if (rate >= 1) return 'achieved';
  if (rate >= 1 - NEARLY_SHARE) return 'nearly';
  return 'missed';
}

/** The half-year periods of an indicator reported more often than yearly. */
export function halfYearPeriod(frequency: Frequency, year: number): string | null {
  switch (frequency) {
    case 'monthly':
      return `${year}-06`;
    case 'quarterly':
      return `${year}Q2`;
    case 'annual':
      return null;
  }
}

export interface HalfYearCheck {
  period: string;
  value: number | null;
  /** 完成全年任务的 X%: the half-year value against the annual target (in the indicator's direction). */
  share: number | null;
  /** 时间过半、任务过半: at least half of the year's target reached at half-year. */
  onTrack: boolean | null;
}

/**
 * For monthly and quarterly indicators, whose half-year value is the year so far (累计), the share of the
 * annual target reached by June. Annual indicators have no half-year check.
 */
export function halfYearCheck(
  ind: Pick<AnnualIndicator, 'frequency' | 'direction'>,
  year: number,
  annual: number | null,
  values: ReadonlyMap<string, number>,
): HalfYearCheck | null {
  const period = halfYearPeriod(ind.frequency, year);
  if (period === null) return null;
  const value = values.get(period) ?? null;
  const share = ind.direction === 'decrease' ? null : completionRate(ind.direction, annual, value);
  return { period, value, share, onTrack: share === null ? null : share >= 0.5 };
}

export interface ExecutionRow {
  annualTarget: number | null;
  note: string | null;
  pathValue: number | null;
  differsFromPath: boolean;
  pathGapShare: number | null;
  actual: number | null;
  completionRate: number | null;
  verdict: AnnualVerdict;
  halfYear: HalfYearCheck | null;
}

/** One row of the execution table (年度计划执行情况表). */
export function executionRow(
  ind: AnnualIndicator,
  year: number,
  target: { value: number; note: string | null } | null,
  actual: number | null,
  periodValues: ReadonlyMap<string, number>,
): ExecutionRow {
  const annual = target?.value ?? null;
  const path = pathValueIn(ind, year);
  const gap = annual === null ? { differs: false, share: null } : pathGap(annual, path);
  const rate = completionRate(ind.direction, annual, actual);
  return {
    annualTarget: annual,
    note: target?.note ?? null,
    pathValue: path === null ? null : Math.round(path * 1000) / 1000,
    differsFromPath: gap.differs,
    pathGapShare: gap.share,
    actual,
    completionRate: rate,
    verdict: annualVerdict(annual, rate),
    halfYear: halfYearCheck(ind, year, annual, periodValues),
  };
}
