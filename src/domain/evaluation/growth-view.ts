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

/** Only for growth targets read from annual rates; null otherwise. */
export function growthView(ctx: Ctx): GrowthView | null {
  const basis = ctx.options.cagrBasis ?? (ctx.spec.unit?.includes('%') === true ? 'rates' : 'levels');
  if (basis !== 'rates') return null;
  const annual: { year: number; rate: number }[] = [];
  for (const p of ctx.actual)
    // The baseline year counts too: its rate is the first half of the first 两年平均.
    if (p.value !== null && (p.span ?? 1) === 1 && (ctx.y0 === null || p.year >= ctx.y0))
      annual.push({ year: p.year, rate: p.value });
  const twoYearAverage: { year: number; rate: number }[] = [];
  for (let i = 1; i < annual.length; i++) {
    const a = annual[i - 1] as { year: number; rate: number };
    const b = annual[i] as { year: number; rate: number };
    if (b.year !== a.year + 1) continue;
    const g = Math.sqrt((1 + a.rate / 100) * (1 + b.rate / 100)) - 1;
    twoYearAverage.push({ year: b.year, rate: round(g * 100) });
  }
  return { annual, latest: annual[annual.length - 1] ?? null, twoYearAverage };
}
