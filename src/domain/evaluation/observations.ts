import type { ObservationKind } from '../observation.ts';
import type { Bilingual, EvaluationObservation } from './types.ts';

/** One value per year, after revisions are settled. */
export interface Point {
  readonly year: number;
  readonly value: number | null;
  readonly text: string | null;
  /** Years a growth rate covers, ending in `year` (1 = that year alone, also when absent). */
  readonly span?: number;
}

/** No points (shared: points are never changed once made). */
export const NO_POINTS: readonly Point[] = Object.freeze([]);

/** Whether any observation is of this kind. */
export function hasKind(observations: readonly EvaluationObservation[], kind: ObservationKind): boolean {
  for (let i = 0; i < observations.length; i++)
    if ((observations[i] as EvaluationObservation).kind === kind) return true;
  return false;
}

function better(a: EvaluationObservation, b: EvaluationObservation): boolean {
  const ra = a.revision ?? 0;
  const rb = b.revision ?? 0;
  if (ra !== rb) return ra > rb;
  const na = a.value !== null && Number.isFinite(a.value);
  const nb = b.value !== null && Number.isFinite(b.value);
  if (na !== nb) return na;
  if (na && nb && a.value !== b.value) return (a.value ?? 0) > (b.value ?? 0);
  const ta = a.text ?? '';
  const tb = b.text ?? '';
  if (ta !== tb) return ta > tb;
  return (a.span ?? 1) > (b.span ?? 1);
}

/**
 * The observations of one kind, one per year, ascending. The highest `revision` wins for a year; ties are
 * settled by a fixed order (numbers before text, then the larger value) so the input order never matters,
 * and a note says so when two unrevised values disagree.
 */
export function pointsOf(
  observations: readonly EvaluationObservation[],
  kind: ObservationKind,
  notes: Bilingual[],
  /** Points after this year are left out (the engine never reads past the year it judges). */
  maxYear = Infinity,
): readonly Point[] {
  // Fast path: one observation per year, already in order, no revisions (the usual case).
  let prevYear = -Infinity;
  let simple = true;
  let n = 0;
  // The observations can serve as points themselves when all are of this kind and clean (a finite number or
  // none, a text, a whole span): no copy then — mass evaluation reads millions of them.
  let asIs = true;
  // Every observation of this kind and clean, only some past maxYear (cut of them, at the end: years ascend).
  let prefix = true;
  let cut = 0;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i];
    if (o === undefined || o.kind !== kind) {
      asIs = false;
      prefix = false;
      continue;
    }
    if (o.year <= prevYear || o.revision !== undefined) {
      simple = false;
      break;
    }
    prevYear = o.year;
    if (o.year <= maxYear) n++;
    else {
      asIs = false;
      cut++;
    }
    const v = o.value;
    const s = o.span;
    if (
      (v !== null && !Number.isFinite(v)) ||
      o.text === undefined ||
      (s !== undefined && !(Number.isInteger(s) && s >= 1))
    ) {
      asIs = false;
      prefix = false;
    }
  }
  if (simple && asIs) return observations;
  // Clean and in order but running past maxYear: the points are the observations up to it (a prefix).
  if (simple && prefix && n === observations.length - cut)
    return n === 0 ? NO_POINTS : observations.slice(0, n);
  if (simple && n === 0) return NO_POINTS;
  if (simple) {
    const out: Point[] = new Array<Point>(n);
    let k = 0;
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i];
      if (o === undefined || o.kind !== kind || o.year > maxYear) continue;
      const v = o.value;
      out[k++] = {
        year: o.year,
        value: v !== null && Number.isFinite(v) ? v : null,
        text: o.text,
        span: o.span === undefined ? 1 : Math.max(1, Math.floor(o.span)),
      };
    }
    return out;
  }
  const byYear = new Map<number, EvaluationObservation>();
  const topValues = new Map<number, { revision: number; values: Set<number> }>();
  for (const o of observations) {
    if (o.kind !== kind) continue;
    const value = o.value !== null && Number.isFinite(o.value) ? o.value : null;
    const clean: EvaluationObservation = { ...o, value };
    const prev = byYear.get(o.year);
    if (prev === undefined || better(clean, prev)) byYear.set(o.year, clean);
    const rev = o.revision ?? 0;
    const top = topValues.get(o.year);
    if (top === undefined || rev > top.revision)
      topValues.set(o.year, { revision: rev, values: new Set(value === null ? [] : [value]) });
    else if (rev === top.revision && value !== null) top.values.add(value);
  }
  const conflicts = new Set<number>();
  for (const [y, top] of topValues) if (top.values.size > 1) conflicts.add(y);
  for (const y of [...conflicts].sort((a, b) => a - b)) {
    const kept = byYear.get(y)?.value ?? null;
    notes.push({
      zh: `${y}年有多个未标明修订次序的值，取${kept ?? '—'}`,
      en: `${y} has several values without a revision order; ${kept ?? '—'} was used`,
    });
  }
  return [...byYear.values()]
    .filter((o) => o.year <= maxYear)
    .map((o) => ({ year: o.year, value: o.value, text: o.text, span: Math.max(1, Math.floor(o.span ?? 1)) }))
    .sort((a, b) => a.year - b.year);
}

export interface NumericPoint {
  readonly year: number;
  readonly value: number;
  readonly span?: number;
}

/**
 * The points with a number (the same objects, and the same list when every point has one: points are never
 * changed once made).
 */
export function numericPoints(points: readonly Point[]): readonly NumericPoint[] {
  let i = 0;
  while (i < points.length && (points[i] as Point).value !== null) i++;
  if (i === points.length) return points as readonly NumericPoint[];
  const out: NumericPoint[] = [];
  for (let k = 0; k < i; k++) out.push(points[k] as NumericPoint);
  for (; i < points.length; i++) {
    const p = points[i] as Point;
    if (p.value !== null) out.push(p as NumericPoint);
  }
  return out;
}

/** The points with lo ≤ year ≤ hi, in a new list (callers may add a baseline point in front). */
export function pointsBetween(points: readonly NumericPoint[], lo: number, hi: number): NumericPoint[] {
  let n = 0;
  for (let i = 0; i < points.length; i++) {
    const y = (points[i] as NumericPoint).year;
    if (y >= lo && y <= hi) n++;
  }
  const out = new Array<NumericPoint>(n);
  let k = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as NumericPoint;
    if (p.year >= lo && p.year <= hi) out[k++] = p;
  }
  return out;
}

/**
 * pointsBetween with a start point in front when the first point in range is not at its year (a plan's
 * baseline), the list sized once (unshift on a list made to measure copies it into a larger one).
 */
export function pointsFrom(
  points: readonly NumericPoint[],
  lo: number,
  hi: number,
  start: NumericPoint | null,
): NumericPoint[] {
  if (start === null) return pointsBetween(points, lo, hi);
  let n = 0;
  let first: NumericPoint | undefined;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as NumericPoint;
    if (p.year >= lo && p.year <= hi) {
      if (n === 0) first = p;
      n++;
    }
  }
  const lead = first?.year !== start.year ? 1 : 0;
  const out = new Array<NumericPoint>(n + lead);
  let k = 0;
  if (lead === 1) out[k++] = start;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as NumericPoint;
    if (p.year >= lo && p.year <= hi) out[k++] = p;
  }
  return out;
}

/** The point of a year, if any. */
export function pointAt<P extends { readonly year: number }>(
  points: readonly P[],
  year: number,
): P | undefined {
  for (let i = 0; i < points.length; i++) if ((points[i] as P).year === year) return points[i];
  return undefined;
}
