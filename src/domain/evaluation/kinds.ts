/**
 * What each target kind means for its evaluation, answered once for the engine, the reports and the web.
 */
import type { Attribute, TargetKind } from '../indicator.ts';

/**
 * The family a kind is judged by — the one answer to "does this kind have a baseline-to-target path" for the
 * engine, the reports, the portal and the web. A path kind measures the way travelled: the value itself (level,
 * share, floor), the sum of annual flows (cumulative), compound growth (cagr) or the compound fall (reduction).
 * The others have no path: a condition tested on the latest value (ceiling, maintain, about, range), or a
 * comparison made each year (assigned, relational).
 */
export type KindFamily = 'value' | 'sum' | 'growth' | 'fall' | 'condition' | 'assigned' | 'relational';

export function kindFamily(kind: TargetKind): KindFamily {
  switch (kind) {
    case 'level':
    case 'share':
    case 'floor':
      return 'value';
    case 'cumulative':
      return 'sum';
    case 'cagr':
      return 'growth';
    case 'reduction':
      return 'fall';
    case 'ceiling':
    case 'maintain':
    case 'about':
    case 'range':
      return 'condition';
    case 'assigned':
      return 'assigned';
    case 'relational':
      return 'relational';
  }
}

/** How a path kind measures the way travelled; null for kinds without a path. */
export type PathMeasure = 'value' | 'sum' | 'growth' | 'fall';

export function pathMeasure(kind: TargetKind): PathMeasure | null {
  const f = kindFamily(kind);
  switch (f) {
    case 'value':
    case 'sum':
    case 'growth':
    case 'fall':
      return f;
    case 'condition':
    case 'assigned':
    case 'relational':
      return null;
  }
}

/** Progress is the share p of the way from baseline to target, compared with the share f of time elapsed. */
export function hasTargetPath(kind: TargetKind): boolean {
  return pathMeasure(kind) !== null;
}

/**
 * The target is an average rate over the period (年均增长), not a value of the series: charts draw it as a level
 * line, put no baseline point before the annual rates and no projection to the target year.
 */
export function targetIsAverageRate(kind: TargetKind): boolean {
  return pathMeasure(kind) === 'growth';
}

/**
 * Charts draw the path as a straight line from the baseline to the target. Not for cagr: its path is compound
 * growth and its target a rate, so the target is drawn as a level line instead.
 */
export function drawsStraightPath(kind: TargetKind): boolean {
  return hasTargetPath(kind) && !targetIsAverageRate(kind);
}

/**
 * The value on the straight path from the baseline to the target in `year` (portal, reports and web charts);
 * null for kinds drawn without a path, without both ends, or outside [baseline year, target year].
 */
export function straightPathValue(
  kind: TargetKind,
  baseline: { year: number | null; value: number | null },
  target: { year: number | null; value: number | null },
  year: number,
): number | null {
  const { year: y0, value: v0 } = baseline;
  const { year: y1, value: v1 } = target;
  if (!drawsStraightPath(kind) || y0 === null || v0 === null || y1 === null || v1 === null) return null;
  if (y1 <= y0 || year < y0 || year > y1) return null;
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

/**
 * The indicator's tolerance is the δ of its time-progress verdicts for path kinds; a floor's tolerance is not
 * (a floor is cleared or not, and "about"-style tolerances belong to condition kinds).
 */
export function toleranceIsDelta(kind: TargetKind): boolean {
  return hasTargetPath(kind) && kind !== 'floor';
}

/**
 * Conditions that must hold every year (and every binding indicator) are never declared met before the period
 * ends; the others are "achieved early" once met with a margin.
 */
export function earlyAchievable(kind: TargetKind, attribute: Attribute): boolean {
  if (attribute === 'binding') return false;
  switch (kind) {
    case 'floor':
    case 'range':
    case 'ceiling':
    case 'level':
    case 'share':
      return true;
    case 'maintain':
    case 'about':
    case 'assigned':
    case 'relational':
    case 'cagr':
    case 'cumulative':
    case 'reduction':
      return false;
  }
}

/** A target that must be met every year: a reported "完成" during the period is on track, not achieved. */
export function holdsEveryYear(kind: TargetKind): boolean {
  switch (kind) {
    case 'assigned':
    case 'relational':
    case 'maintain':
    case 'ceiling':
      return true;
    case 'level':
    case 'share':
    case 'floor':
    case 'cumulative':
    case 'cagr':
    case 'reduction':
    case 'about':
    case 'range':
      return false;
  }
}
