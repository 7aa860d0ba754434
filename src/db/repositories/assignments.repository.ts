import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { DepartmentRole } from '../../domain/plan.ts';

export interface NewAssignment {
  planId: string;
  nodeId: string | null;
  indicatorId: string | null;
  departmentId: string;
  role: DepartmentRole;
}

export interface IndicatorDepartmentRow {
  indicatorId: string;
  code: string;
  name: string;
  role: DepartmentRole;
}

/** A task or an indicator of a plan, the thing departments answer for. */
export type AssignmentTarget = { nodeId: string; indicatorId: null } | { nodeId: null; indicatorId: string };

export interface AssignmentRow {
  nodeId: string | null;
  indicatorId: string | null;
  departmentId: string;
  code: string;
  name: string;
  role: DepartmentRole;
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

  /**
   * The plan and label of a task or indicator, locked until the transaction ends so two replacements of
   * the same item queue instead of colliding; null when it doesn't exist.
   */
  async lockTarget(
    db: Queryable,
    target: AssignmentTarget,
  ): Promise<{ planId: string; code: string; title: string } | null> {
    const rows = await db.query<{ planId: string; code: string; title: string }>(
      target.nodeId === null
        ? `SELECT plan_id AS "planId", code, name AS title FROM indicators WHERE id = $1 FOR UPDATE`
        : `SELECT plan_id AS "planId", COALESCE(number, title) AS code, title FROM plan_nodes WHERE id = $1 FOR UPDATE`,
      [target.nodeId ?? target.indicatorId],
    );
    return rows[0] ?? null;
  },

  /** Departments of one task or indicator, lead first. */
  async listForTarget(db: Queryable, target: AssignmentTarget): Promise<AssignmentRow[]> {
    return db.query<AssignmentRow>(
      `SELECT a.node_id AS "nodeId", a.indicator_id AS "indicatorId", a.department_id AS "departmentId",
              d.code, d.name, a.role
         FROM assignments a JOIN departments d ON d.id = a.department_id
        WHERE ${target.nodeId === null ? 'a.indicator_id' : 'a.node_id'} = $1
        ORDER BY a.role DESC, d.code`,
      [target.nodeId ?? target.indicatorId],
    );
  },

  /** Every assignment of a plan (tasks and indicators), lead first. */
  async listByPlan(db: Queryable, planId: string): Promise<AssignmentRow[]> {
    return db.query<AssignmentRow>(
      `SELECT a.node_id AS "nodeId", a.indicator_id AS "indicatorId", a.department_id AS "departmentId",
              d.code, d.name, a.role
         FROM assignments a JOIN departments d ON d.id = a.department_id
        WHERE a.plan_id = $1
        ORDER BY COALESCE(a.node_id, a.indicator_id), a.role DESC, d.code`,
      [planId],
    );
  },

  /** Replaces the departments of one task or indicator. Call inside a transaction. */
  async replaceForTarget(
    db: Queryable,
    planId: string,
    target: AssignmentTarget,
    departments: readonly { departmentId: string; role: DepartmentRole }[],
  ): Promise<void> {
    await db.query(
      `DELETE FROM assignments WHERE ${target.nodeId === null ? 'indicator_id' : 'node_id'} = $1`,
      [target.nodeId ?? target.indicatorId],
    );
    await assignmentsRepository.insertMany(
      db,
      departments.map((d) => ({
        planId,
        nodeId: target.nodeId,
        indicatorId: target.indicatorId,
        departmentId: d.departmentId,
        role: d.role,
      })),
    );
  },
};
