/**
 * Builders for tests, benches and examples: an IndicatorSpec with sensible defaults and observations.
 * (Pure; kept beside the engine so tests in other folders need not repeat them.) Targets and baselines given
 * as text are read by the product's own parser, as the importer reads a plan table.
 */
import { unstatedFields, type IndicatorSpec } from '../indicator.ts';
import type { Comparator, Quantity } from '../quantity.ts';
import { parseQuantity } from '../quantity-parser.ts';
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
    ...unstatedFields('table'),
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

/** 地区生产总值年均增速 (SIP 14th plan): average growth of 6.5 % a year from 6.5 in 2020, read from annual rates. */
export const gdpGrowth = makeSpec({
  name: '地区生产总值年均增速',
  unit: '%',
  kind: 'cagr',
  baseline: 6.5,
  target: '6.5',
});

/** 国家高新技术企业数 (SIP 14th plan): a level with a path, 1837 (2020) → 5000 (2025). */
export const highTechFirms = makeSpec({
  name: '国家高新技术企业数',
  unit: '家',
  kind: 'level',
  baseline: 1837,
  target: '5000',
});

/** The value p of the way along highTechFirms' path, from 1837 to 5000. */
export const highTechAt = (p: number) => 1837 + p * (5000 - 1837);
