import { DEFAULT_TIME_ZONE, localDay } from './time.ts';

/**
 * The year a plan is judged at unless someone picks another — the same for the workspace, the portal and
 * everything else that opens an evaluation without a year: the last full calendar year in the office's zone
 * (its annual review of year N is written in N+1), held within the plan's period (before the plan starts,
 * its first year; after it ends, its final year). It does not depend on which values happen to be approved:
 * a year whose figures are not all in yet is still that year, and its verdicts say what is missing.
 */
export function evaluationYear(
  plan: { periodStart: number; periodEnd: number },
  now: Date = new Date(),
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const lastFull = Number(localDay(now, timeZone).slice(0, 4)) - 1;
  return Math.min(plan.periodEnd, Math.max(plan.periodStart, lastFull));
}
