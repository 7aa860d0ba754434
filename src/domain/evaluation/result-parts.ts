/**
 * The small objects a result keeps — probability, projection, required rate, comparison — each built by its
 * own function as a copy of its template with the fields then set, in the template's order (which is the
 * order they are serialised in).
 *
 * Why copies: V8 watches every object-literal site and, once most objects made there outlive a scavenge — as
 * a plan's results do until the plan is judged — allocates all later ones straight in the old generation,
 * which then fills with every region's results and forces full collections. Copies are not watched. Why one
 * function per type: a single copying helper for all of them saw every shape at one site, which V8 handles
 * on its slow generic path (9 % of a mass evaluation), and each copy was of a literal made just before.
 */
import type { Bilingual, Comparison, Probability, Projection, RequiredRate } from './types.ts';

// Doubles in the templates, so the copies' fields hold doubles from the start (no map change on first use).
const PROBABILITY: Probability = { value: 0.5, basis: 0, mean: 0.5, sd: 0.5 };
const PROJECTION: Projection = { linear: null, cagr: null, linearMeets: null, cagrMeets: null };
const REQUIRED_RATE: RequiredRate = { absolute: null, relative: null, years: 0 };
const COMPARISON: Comparison = { rule: { zh: '', en: '' }, met: null };

export function probability(value: number, basis: number, mean: number, sd: number): Probability {
  const p = { ...PROBABILITY };
  p.value = value;
  p.basis = basis;
  p.mean = mean;
  p.sd = sd;
  return p;
}

export function projection(
  linear: number | null,
  cagr: number | null,
  linearMeets: boolean | null,
  cagrMeets: boolean | null,
): Projection {
  const p = { ...PROJECTION };
  p.linear = linear;
  p.cagr = cagr;
  p.linearMeets = linearMeets;
  p.cagrMeets = cagrMeets;
  return p;
}

export function requiredRate(absolute: number | null, relative: number | null, years: number): RequiredRate {
  const q = { ...REQUIRED_RATE };
  q.absolute = absolute;
  q.relative = relative;
  q.years = years;
  return q;
}

export function comparison(rule: Bilingual, met: boolean | null): Comparison {
  const c = { ...COMPARISON };
  c.rule = rule;
  c.met = met;
  return c;
}
