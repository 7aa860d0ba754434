import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';

export interface NewAssignment {
  planId: string;
  nodeId: string | null;
  indicatorId: string | null;
  departmentId: string;
  role: 'lead' | 'co';
}

export interface IndicatorDepartmentRow {
  indicatorId: string;
  code: string;
  name: string;
  role: 'lead' | 'co';
}

export const assignmentsRepository = {
  async insertMany(db: Queryable, rows: readonly NewAssignment[]): Promise<void> {
    await insertRows(
      db,
      'assignments',
      ['plan_id', 'node_id', 'indicator_id', 'department_id', 'role'],
      rows.map((a) => [a.planId, a.nodeId, a.indicatorId, a.departmentId, a.role]),
    );
  },

  /** Departments responsible for each indicator of a plan, lead first. */
  async listIndicatorDepartments(db: Queryable, planId: string): Promise<IndicatorDepartmentRow[]> {
    return db.query<IndicatorDepartmentRow>(
      `SELECT a.indicator_id AS "indicatorId", d.code, d.name, a.role
         FROM assignments a JOIN departments d ON d.id = a.department_id
        WHERE a.plan_id = $1 AND a.indicator_id IS NOT NULL
        ORDER BY a.indicator_id, a.role DESC, d.code`,
      [planId],
    );
  },
};
