import type { ObservationKind } from '../observation.ts';
import type { Bilingual, EvaluationObservation } from './types.ts';

/** One value per year, after revisions are settled. */
export interface Point {
  year: number;
  value: number | null;
  text: string | null;
  /** Years a growth rate covers, ending in `year` (1 = that year alone). */
  span: number;
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
): Point[] {
  // Fast path: one observation per year, already in order, no revisions (the usual case).
  let prevYear = -Infinity;
  let simple = true;
  let n = 0;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i];
    if (o === undefined || o.kind !== kind) continue;
    if (o.year <= prevYear || o.revision !== undefined) {
      simple = false;
      break;
    }
    prevYear = o.year;
    n++;
  }
  if (simple) {
    const out: Point[] = new Array<Point>(n);
    let k = 0;
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i];
      if (o === undefined || o.kind !== kind) continue;
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
    .map((o) => ({ year: o.year, value: o.value, text: o.text, span: Math.max(1, Math.floor(o.span ?? 1)) }))
    .sort((a, b) => a.year - b.year);
}

export function numericPoints(points: readonly Point[]): { year: number; value: number; span: number }[] {
  const out: { year: number; value: number; span: number }[] = [];
  for (const p of points) if (p.value !== null) out.push({ year: p.year, value: p.value, span: p.span });
  return out;
}
