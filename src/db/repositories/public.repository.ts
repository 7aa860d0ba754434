import type { Queryable } from '../db.types.ts';

export interface PublicProjectRow {
  id: string;
  code: string;
  name: string;
  category: string | null;
  leadUnit: string | null;
  spatialUnit: string | null;
  spatialUnitCode: string | null;
  totalInvestment: number | null;
  investmentUnit: string | null;
  startYear: number | null;
  endYear: number | null;
  stage: string | null;
}

export const publicRepository = {
  /** The plan the portal shows by default: the newest master plan (no parent), its published version. */
  async mainPlanId(db: Queryable): Promise<string | null> {
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM plans WHERE parent_id IS NULL AND status = 'published'
        ORDER BY period_start DESC, version DESC LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  },

  async projects(db: Queryable, planId: string): Promise<PublicProjectRow[]> {
    return db.query<PublicProjectRow>(
      `SELECT p.id, p.code, p.name, p.category, p.lead_unit AS "leadUnit", s.name AS "spatialUnit",
              s.code AS "spatialUnitCode", p.total_investment AS "totalInvestment",
              p.investment_unit AS "investmentUnit", p.start_year AS "startYear", p.end_year AS "endYear", p.stage
         FROM projects p LEFT JOIN spatial_units s ON s.id = p.spatial_unit_id
        WHERE p.plan_id = $1 ORDER BY p.code`,
      [planId],
    );
  },
};
