/**
 * Builders for tests, benches and examples: an IndicatorSpec with sensible defaults and observations.
 * (Pure; kept beside the engine so tests in other folders need not repeat them.)
 */
import type { IndicatorSpec } from '../indicator.ts';
import type { Comparator, Quantity } from '../quantity.ts';
import type { EvaluationObservation } from './types.ts';

export function q(
  raw: string,
  comparator: Comparator,
  value: number | null,
  low: number | null = value,
  high: number | null = value,
): Quantity {
  return { raw, comparator, value, low, high };
}

/** Read the forms a plan table prints: 7左右, 5以上, 不少于5, 突破5000, <5.5, ≤2, 30-32, 100, words. */
export function parseQuantity(raw: string): Quantity {
  const t = raw.trim();
  let m = /^([-\d.]+)\s*左右$/.exec(t);
  if (m?.[1] !== undefined) return q(t, 'about', Number(m[1]));
  m = /^(?:不少于|不低于|突破|超过)?\s*([-\d.]+)\s*(?:以上)?$/.exec(t);
  if (m?.[1] !== undefined && /以上|不少于|不低于|突破|超过/.test(t))
    return q(t, 'gte', Number(m[1]), Number(m[1]), null);
  m = /^(?:<|＜|低于)\s*([-\d.]+)$/.exec(t);
  if (m?.[1] !== undefined) return q(t, 'lt', Number(m[1]), null, Number(m[1]));
  m = /^(?:≤|<=|不高于|不超过)\s*([-\d.]+)$|^([-\d.]+)\s*以(?:下|内)$/.exec(t);
  if (m !== null) {
    const v = Number(m[1] ?? m[2]);
    return q(t, 'lte', v, null, v);
  }
  m = /^([-\d.]+)\s*[-–~～]\s*([-\d.]+)$/.exec(t);
  if (m?.[1] !== undefined && m[2] !== undefined)
    return q(t, 'range', (Number(m[1]) + Number(m[2])) / 2, Number(m[1]), Number(m[2]));
  if (/^[-\d.]+$/.test(t) && Number.isFinite(Number(t))) return q(t, 'eq', Number(t));
  return q(t, 'text', null, null, null);
}

export function makeSpec(
  p: Partial<Omit<IndicatorSpec, 'target' | 'baseline'>> & {
    target?: Quantity | string | null;
    baseline?: Quantity | string | number | null;
  },
): IndicatorSpec {
  const target = typeof p.target === 'string' ? parseQuantity(p.target) : (p.target ?? null);
  const baseline =
    typeof p.baseline === 'number'
      ? q(String(p.baseline), 'eq', p.baseline)
      : typeof p.baseline === 'string'
        ? parseQuantity(p.baseline)
        : (p.baseline ?? null);
  return {
    code: 'X-1',
    name: '测试指标',
    unit: null,
    category: null,
    attribute: 'expected',
    kind: 'level',
    direction: 'increase',
    baselineYear: 2020,
    targetYear: 2025,
    tolerance: null,
    relatedCode: null,
    departments: [],
    frequency: 'annual',
    dataSource: null,
    origin: 'table',
    kindRule: null,
    ...p,
    target,
    baseline,
  };
}

export function obs(
  year: number,
  value: number | string | null,
  extra: Partial<EvaluationObservation> = {},
): EvaluationObservation {
  return {
    year,
    value: typeof value === 'number' ? value : null,
    text: typeof value === 'string' ? value : null,
    kind: 'actual',
    ...extra,
  };
}

export function series(first: number, values: readonly (number | string | null)[]): EvaluationObservation[] {
  return values.map((v, i) => obs(first + i, v));
}
