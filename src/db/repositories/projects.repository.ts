import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';

export interface NewProject {
  planId: string;
  code: string;
  name: string;
  category: string | null;
  leadUnit: string | null;
  spatialUnitId: string | null;
  nodeId: string | null;
  totalInvestment: number | null;
  investmentUnit: string | null;
  startYear: number | null;
  endYear: number | null;
  stage: string | null;
  description: string | null;
}

export const projectsRepository = {
  async insertMany(db: Queryable, rows: readonly NewProject[]): Promise<void> {
    await insertRows(
      db,
      'projects',
      [
        'plan_id',
        'code',
        'name',
        'category',
        'lead_unit',
        'spatial_unit_id',
        'node_id',
        'total_investment',
        'investment_unit',
        'start_year',
        'end_year',
        'stage',
        'description',
      ],
      rows.map((p) => [
        p.planId,
        p.code,
        p.name,
        p.category,
        p.leadUnit,
        p.spatialUnitId,
        p.nodeId,
        p.totalInvestment,
        p.investmentUnit,
        p.startYear,
        p.endYear,
        p.stage,
        p.description,
      ]),
    );
  },

  async countByPlan(db: Queryable, planId: string): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects WHERE plan_id = $1', [
      planId,
    ]);
    return rows[0]?.n ?? 0;
  },
};
