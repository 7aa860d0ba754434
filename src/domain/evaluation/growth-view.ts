/**
 * The annual-rate view of a growth indicator (issue 15 §3): the rate each year reported, the latest one, and
 * the 两年平均增长 — the geometric mean of two consecutive years, which reports used after the 2020 shock so
 * that a rebound from a low base is not read as strength.
 */
import type { Ctx } from './context.ts';
import { round } from './stats.ts';

export interface GrowthView {
  /** Annual rates (%) reported in the period, one a year, oldest first (multi-year averages left out). */
  annual: { year: number; rate: number }[];
  latest: { year: number; rate: number } | null;
  /** √((1 + g₍y−1₎)(1 + g_y)) − 1 for each year whose previous year is reported too. */
  twoYearAverage: { year: number; rate: number }[];
}

type YearRate = { year: number; rate: number };

// Copied for each view and point, for the reason given in result-parts.ts (a view outlives a scavenge as a
// result does); the rate a double from the start.
const YEAR_RATE: YearRate = { year: 0, rate: 0.5 };
const VIEW: GrowthView = { annual: [], latest: null, twoYearAverage: [] };

function yearRate(year: number, rate: number): YearRate {
  const p = { ...YEAR_RATE };
  p.year = year;
  p.rate = rate;
  return p;
}

/** Only for growth targets read from annual rates; null otherwise. */
export function growthView(ctx: Ctx): GrowthView | null {
  const basis = ctx.options.cagrBasis ?? (ctx.spec.unit?.includes('%') === true ? 'rates' : 'levels');
  if (basis !== 'rates') return null;
  const points = ctx.actual;
  const y0 = ctx.y0;
  // The baseline year counts too: its rate is the first half of the first 两年平均. Lists sized once.
  let n = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as (typeof points)[number];
    if (p.value !== null && (p.span ?? 1) === 1 && (y0 === null || p.year >= y0)) n++;
  }
  const annual = new Array<YearRate>(n);
  let k = 0;
  let pairs = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as (typeof points)[number];
    if (p.value !== null && (p.span ?? 1) === 1 && (y0 === null || p.year >= y0)) {
      if (k > 0 && (annual[k - 1] as YearRate).year + 1 === p.year) pairs++;
      annual[k++] = yearRate(p.year, p.value);
    }
  }
  const twoYearAverage = new Array<YearRate>(pairs);
  let j = 0;
  for (let i = 1; i < n; i++) {
    const a = annual[i - 1] as YearRate;
    const b = annual[i] as YearRate;
    if (b.year !== a.year + 1) continue;
    const g = Math.sqrt((1 + a.rate / 100) * (1 + b.rate / 100)) - 1;
    twoYearAverage[j++] = yearRate(b.year, round(g * 100));
  }
  const view = { ...VIEW };
  view.annual = annual;
  view.latest = n > 0 ? (annual[n - 1] as YearRate) : null;
  view.twoYearAverage = twoYearAverage;
  return view;
}
