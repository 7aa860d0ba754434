/** Small numeric helpers; no dependencies. */

/** Standard normal CDF (Zelen & Severo / Abramowitz–Stegun 26.2.17, |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  if (Number.isNaN(z)) return NaN;
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p =
    d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return xs.length === 0 ? NaN : s / xs.length;
}

/** Sample standard deviation (n − 1). */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] as number) - m;
    s += d * d;
  }
  return Math.sqrt(s / (xs.length - 1));
}

const EPS = 1e-9;

/** a ≥ b, forgiving binary-float noise (7 − 6.5 ≥ 0.5 must hold). */
export function gte(a: number, b: number): boolean {
  return a >= b - EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

export function lte(a: number, b: number): boolean {
  return gte(b, a);
}

export function gtStrict(a: number, b: number): boolean {
  return !lte(a, b);
}

export function approxEq(a: number, b: number): boolean {
  return gte(a, b) && gte(b, a);
}

/** Round for display and JSON: 4 significant decimals are plenty for plan indicators. */
export function round(x: number, digits = 4): number {
  const f = digits === 4 ? 1e4 : digits === 6 ? 1e6 : 10 ** digits;
  return Math.round(x * f) / f;
}

/** A number as a plan would print it: at most 2 decimals, no trailing zeros. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return String(Object.is(r, -0) ? 0 : r);
}

export function pct(share: number): string {
  return `${fmt(share * 100, 0)}%`;
}
