import {
  drawsStraightPath,
  isBehind,
  SEVERITY,
  targetIsAverageRate,
  VERDICT_ORDER,
} from '../../lib/rules.ts';
import type { Indicator, IndicatorEvaluation, Verdict } from '../../lib/types.ts';
import type { SeriesPoint } from '../evaluation/queries.ts';

/** Baseline from the evaluation, else from the indicator table. */
export function baselineOf(ev: IndicatorEvaluation, ind: Indicator | undefined): number | null {
  return ev.baseline ?? ind?.baseline?.value ?? null;
}

/** Baseline → target as two points, for the kinds whose target is a level on the same scale as the values. */
export function expectedPath(
  ev: IndicatorEvaluation,
  ind: Indicator | undefined,
): [{ x: number; y: number }, { x: number; y: number }] | null {
  const b = baselineOf(ev, ind);
  const by = ev.baselineYear ?? ind?.baselineYear ?? null;
  const t = ev.target ?? ind?.target?.value ?? null;
  const ty = ev.targetYear ?? ind?.targetYear ?? null;
  if (!drawsStraightPath(ev.kind) || b === null || by === null || t === null || ty === null) return null;
  return [
    { x: by, y: b },
    { x: ty, y: t },
  ];
}

export function seriesWithBaseline(
  ev: IndicatorEvaluation,
  ind: Indicator | undefined,
  series: SeriesPoint[] | undefined,
): { x: number; y: number | null }[] {
  const pts = (series ?? []).map((p) => ({ x: p.year, y: p.actual }));
  const b = baselineOf(ev, ind);
  const by = ev.baselineYear ?? ind?.baselineYear ?? null;
  if (b !== null && by !== null && !targetIsAverageRate(ev.kind) && !pts.some((p) => p.x === by))
    pts.unshift({ x: by, y: b });
  return pts;
}

export function countVerdicts(items: IndicatorEvaluation[]): { verdict: Verdict; count: number }[] {
  const m = new Map<Verdict, number>();
  for (const i of items) m.set(i.verdict, (m.get(i.verdict) ?? 0) + 1);
  return VERDICT_ORDER.filter((v) => (m.get(v) ?? 0) > 0).map((v) => ({ verdict: v, count: m.get(v) ?? 0 }));
}

/** The indicators that call for attention, worst first. */
export function behindFirst(items: IndicatorEvaluation[]): IndicatorEvaluation[] {
  return items.filter((i) => isBehind(i.verdict)).sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict]);
}
