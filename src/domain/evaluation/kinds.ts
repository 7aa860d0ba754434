/**
 * What each target kind means for its evaluation, answered once for the engine, the reports and the web.
 */
import type { Attribute, TargetKind } from '../indicator.ts';

/**
 * How a kind with a baseline-to-target path measures the way travelled: the value itself (level, share,
 * floor), the sum of annual flows (cumulative), compound growth (cagr) or the compound fall (reduction).
 * null: no path — the target is a condition tested on the latest value (ceiling, maintain, about, range) or a
 * comparison made each year (assigned, relational).
 */
export type PathMeasure = 'value' | 'sum' | 'growth' | 'fall';

export function pathMeasure(kind: TargetKind): PathMeasure | null {
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
 * Charts draw the path as a straight line from the baseline to the target. Not for cagr: its path is compound
 * growth and its target a rate, so the target is drawn as a level line instead.
 */
export function drawsStraightPath(kind: TargetKind): boolean {
  const m = pathMeasure(kind);
  return m !== null && m !== 'growth';
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
