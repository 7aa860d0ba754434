import { fmt } from '../../lib/format.ts';
import type { IndicatorEvaluation } from '../../lib/types.ts';

/**
 * The rate still needed each year, as the message variables of ind.requiredRel / ind.requiredAbs. The API gives
 * `relative` in percent already (4.32 = 4.32 % a year), never as a share.
 */
export function requiredRate(
  rr: NonNullable<IndicatorEvaluation['requiredRate']>,
):
  | { key: 'ind.requiredRel'; rate: string; years: number }
  | { key: 'ind.requiredAbs'; v: string; years: number } {
  return rr.relative !== null
    ? { key: 'ind.requiredRel', rate: fmt(rr.relative, 1), years: rr.years }
    : { key: 'ind.requiredAbs', v: fmt(rr.absolute), years: rr.years };
}
