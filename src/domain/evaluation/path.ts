/**
 * The verdict of every kind with a baseline-to-target path (kinds.ts says which): each family reduces its
 * values to an additive measure m on the way from m0 to mT, and time progress compares the share travelled
 * with the share of time elapsed.
 */
import type { Condition } from './condition.ts';
import type { Ctx } from './context.ts';
import { comparisonOf, finish, NO_TEXT } from './explain.ts';
import { pathSentence } from './path-text.ts';
import type { PathCase } from './path-text.ts';
import { pAbove, pBelow, probabilityOf, trendFromRatio } from './projection.ts';
import { probability } from './result-parts.ts';
import { gte, mean, round, sampleSd } from './stats.ts';
import type { Bilingual, IndicatorEvaluation, Projection, RequiredRate, Verdict } from './types.ts';

/** A kind with a path, reduced to an additive measure m that moves from m0 to mT over [y0, yT]. */
export interface PathModel {
  y0: number;
  yT: number;
  dataYear: number;
  m0: number;
  m: number;
  mT: number;
  baseline: number | null;
  baselineSource: IndicatorEvaluation['baselineSource'];
  target: number;
  actual: number;
  /** Value on the expected path at dataYear, in display units. */
  expected: number;
  achievedNow: boolean;
  /**
   * A target on a yearly rate judged on the average so far (annual-rate.ts): met or not, beaten by a margin
   * beyond δ (快于预期), and the latest year's rate shown beside the average; null = time progress.
   */
  rate?: {
    firstYear: number;
    /** Met, or short of it by less than δ (基本符合预期). */
    met: boolean;
    /** The target's condition holds on the average. */
    holds: boolean;
    margin: boolean;
    latest: number | null;
  } | null;
  increments: number[];
  projection: Projection | null;
  requiredRate: RequiredRate | null;
  /** Trend method: R = d·observed/|required| rate. */
  ratio: number | null;
  /** What "actual" means in sentences, e.g. "年均增长" for cagr. */
  actualPhrase: Bilingual;
  cond: Condition | null;
}

export function judgePath(ctx: Ctx, r: IndicatorEvaluation, pm: PathModel): IndicatorEvaluation {
  const f = (pm.dataYear - pm.y0) / (pm.yT - pm.y0);
  const p = pm.mT === pm.m0 ? NaN : (pm.m - pm.m0) / (pm.mT - pm.m0);
  r.dataYear = pm.dataYear;
  r.baseline = pm.baseline === null ? null : round(pm.baseline);
  r.baselineYear = pm.y0;
  r.baselineSource = pm.baselineSource;
  r.target = round(pm.target);
  r.actual = round(pm.actual);
  r.expected = round(pm.expected);
  r.progress = Number.isFinite(p) ? round(p) : null;
  r.elapsed = round(f);
  // Both made for this result alone (result-parts.ts), so kept as they are.
  r.projection = pm.projection;
  r.requiredRate = pm.achievedNow ? null : pm.requiredRate;
  r.ratio = ctx.method === 'trend' && pm.ratio !== null ? round(pm.ratio) : null;
  r.comparison = pm.cond === null ? null : comparisonOf(ctx, pm.cond, pm.achievedNow);
  const n = pm.yT - pm.dataYear;
  if (pm.achievedNow || ctx.final || n <= 0) {
    const sd = round(sampleSd(pm.increments), 6);
    r.probability = probability(
      pm.achievedNow ? 1 : 0,
      pm.increments.length,
      round(mean(pm.increments), 6),
      Number.isFinite(sd) ? sd : 0,
    );
  } else {
    r.probability = probabilityOf(pm.increments, pm.m, n, pm.mT >= pm.m0 ? pAbove : pBelow, pm.mT);
    if (r.probability !== null && !Number.isFinite(r.probability.sd)) r.probability.sd = 0;
  }
  const c = pathCase(ctx, pm);
  const verdict = pathVerdict(ctx, pm, c, p, f);
  return finish(ctx, r, verdict, ctx.explain ? pathSentence(ctx, pm, c, verdict, p, f) : NO_TEXT);
}

/** Which sentence (and verdict rule) applies, in the order they are tried. */
function pathCase(ctx: Ctx, pm: PathModel): PathCase {
  if (pm.achievedNow) return 'met';
  if (ctx.final) return 'missed';
  if (pm.dataYear === pm.y0) return 'single';
  if (ctx.method === 'trend') return pm.ratio === null ? 'no_ratio' : 'ratio';
  return pm.rate != null ? 'rate' : 'progress';
}

function pathVerdict(ctx: Ctx, pm: PathModel, c: PathCase, p: number, f: number): Verdict {
  switch (c) {
    case 'met':
      return 'achieved';
    case 'missed':
      return 'not_achieved';
    case 'single':
    case 'no_ratio':
      return 'not_assessable';
    case 'ratio':
      return trendFromRatio(pm.ratio as number);
    case 'rate': {
      const rate = pm.rate as NonNullable<PathModel['rate']>;
      return rate.met ? (rate.margin ? 'ahead' : 'on_track') : 'lagging';
    }
    case 'progress':
      return gte(p, f + ctx.delta) ? 'ahead' : gte(p, f - ctx.delta) ? 'on_track' : 'lagging';
  }
}
