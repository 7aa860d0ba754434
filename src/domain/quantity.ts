/**
 * A value as a plan states it: a number, a bound (5以上, <5.5), a band (30-32), an approximation (7左右)
 * or words (完成市下达任务). `raw` is kept verbatim so nothing the plan says is lost.
 */
export const COMPARATORS = ['eq', 'about', 'gte', 'gt', 'lte', 'lt', 'range', 'none', 'text'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface Quantity {
  raw: string;
  /** The single number the cell states (the midpoint for a range); null for none/text. */
  value: number | null;
  comparator: Comparator;
  low: number | null;
  high: number | null;
}

export function textQuantity(raw: string): Quantity {
  return { raw, value: null, comparator: 'text', low: null, high: null };
}

export function numberQuantity(value: number, raw = String(value)): Quantity {
  return { raw, value, comparator: 'eq', low: value, high: value };
}
