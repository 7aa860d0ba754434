import type { Queryable } from '../../../db/db.types.ts';
import type { Method } from '../../../domain/evaluation/index.ts';
import { evaluatePlanYears, type IndicatorScope } from '../live-evaluation/live-evaluation.service.ts';
import type { PlanSeries } from './series.schemas.ts';

/**
 * Each indicator's judged value per year (what a sparkline or the indicator chart draws). A year's point is
 * kept only when that year's evaluation used that year's data, so a carried-forward value is not drawn twice.
 */
export async function planSeries(
  db: Queryable,
  planId: string,
  q: { to: number; method: Method; scope: IndicatorScope },
): Promise<PlanSeries> {
  const { plan, ids, years } = await evaluatePlanYears(db, planId, q);
  const byCode = new Map<string, PlanSeries['items'][number]>();
  for (const ev of years) {
    for (const ind of ev.indicators) {
      const id = ids[ind.code];
      if (!id) continue;
      let item = byCode.get(ind.code);
      if (!item) byCode.set(ind.code, (item = { code: ind.code, indicatorId: id, points: [] }));
      const own = ind.dataYear === ev.year;
      item.points.push({
        year: ev.year,
        actual: own ? ind.actual : null,
        actualText: own ? ind.actualText : null,
      });
    }
  }
  return { planId: plan.id, years: years.map((e) => e.year), items: [...byCode.values()] };
}
