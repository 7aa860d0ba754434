import type { Quantity } from './quantity.ts';

/** How a target is stated and therefore how progress toward it is measured. */
export const TARGET_KINDS = [
  'level',
  'share',
  'cagr',
  'cumulative',
  'reduction',
  'ceiling',
  'floor',
  'maintain',
  'about',
  'range',
  'assigned',
  'relational',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** 预期性 (expected) or 约束性 (binding). */
export const ATTRIBUTES = ['expected', 'binding'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Which way is better. */
export const DIRECTIONS = ['increase', 'decrease', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const FREQUENCIES = ['annual', 'quarterly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Where an indicator comes from: the plan's indicator table, or a dated target in its prose. */
export const INDICATOR_ORIGINS = ['table', 'text'] as const;
export type IndicatorOrigin = (typeof INDICATOR_ORIGINS)[number];

/** Which indicators an evaluation covers: the indicator table's only, or also the dated targets in the prose. */
export const INDICATOR_SCOPES = ['table', 'all'] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];

export interface IndicatorSpec {
  /** Stable within a plan, e.g. "T2-01" for table 2 row 1, "X-014" for a prose target. */
  code: string;
  name: string;
  unit: string | null;
  category: string | null;
  attribute: Attribute;
  kind: TargetKind;
  direction: Direction;
  baselineYear: number | null;
  baseline: Quantity | null;
  targetYear: number | null;
  target: Quantity | null;
  /** Half-width of the band around "about" targets and the δ of time-progress verdicts, when not default. */
  tolerance: number | null;
  /** For relational targets: the code of the indicator compared against (e.g. GDP growth). */
  relatedCode: string | null;
  departments: string[];
  frequency: Frequency;
  dataSource: string | null;
  origin: IndicatorOrigin;
  /** Why the kind was chosen (the importer's rule, or "curated"). */
  kindRule: string | null;
}

/**
 * What a plan's text does not say about an indicator, as the importer first records it: no tolerance of its
 * own, no related indicator, no department yet, reported yearly, no data source.
 */
export function unstatedFields(origin: IndicatorOrigin) {
  return {
    tolerance: null,
    relatedCode: null,
    departments: [] as string[],
    frequency: 'annual' as Frequency,
    dataSource: null,
    origin,
  } satisfies Partial<IndicatorSpec>;
}
