import type { Indicator, IndicatorEvaluation, Verdict } from '../../lib/types.ts';
import { VERDICT_ORDER } from '../../lib/types.ts';
import type { SeriesPoint } from '../evaluation/queries.ts';

const PATH_KINDS = new Set([
  'level',
  'share',
  'cumulative',
  'floor',
  'ceiling',
  'reduction',
  'maintain',
  'about',
]);

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
  if (!PATH_KINDS.has(ev.kind) || b === null || by === null || t === null || ty === null) return null;
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
  if (b !== null && by !== null && ev.kind !== 'cagr' && !pts.some((p) => p.x === by))
    pts.unshift({ x: by, y: b });
  return pts;
}

export function countVerdicts(items: IndicatorEvaluation[]): { verdict: Verdict; count: number }[] {
  const m = new Map<Verdict, number>();
  for (const i of items) m.set(i.verdict, (m.get(i.verdict) ?? 0) + 1);
  return VERDICT_ORDER.filter((v) => (m.get(v) ?? 0) > 0).map((v) => ({ verdict: v, count: m.get(v) ?? 0 }));
}

/** Worse first: used to sort lists and to roll up a node's colour. */
export const SEVERITY: Record<Verdict, number> = {
  not_achieved: 0,
  deterioration: 1,
  lagging: 2,
  limited_progress: 3,
  acceleration_needed: 4,
  on_track: 5,
  ahead: 6,
  achieved: 7,
  not_assessable: 8,
  no_data: 9,
};
