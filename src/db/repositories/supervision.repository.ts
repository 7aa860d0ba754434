import type { Queryable } from '../db.types.ts';
import type {
  Measure,
  SupervisionAction,
  SupervisionStatus,
  SupervisionSubject,
} from '../../domain/supervision.ts';

export interface OrderRow {
  id: string;
  planId: string;
  subjectType: SupervisionSubject;
  subjectId: string;
  subjectTitle: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  warningId: string | null;
  title: string;
  requirement: string;
  planDue: string;
  deadline: string;
  status: SupervisionStatus;
  stepDue: string | null;
  openedBy: string | null;
  openedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface StepRow {
  id: number;
  action: SupervisionAction | 'open';
  fromStatus: SupervisionStatus | null;
  toStatus: SupervisionStatus;
  body: string | null;
  actor: string;
  at: Date;
}

export interface MeasureRow extends Measure {
  id: string;
  position: number;
  doneOn: string | null;
}

const COLUMNS = `o.id, o.plan_id AS "planId", o.subject_type AS "subjectType", o.subject_id AS "subjectId",
  o.subject_title AS "subjectTitle", o.department_id AS "departmentId", d.code AS "departmentCode",
  d.name AS "departmentName", o.warning_id AS "warningId", o.title, o.requirement, o.plan_due::text AS "planDue",
  o.deadline::text AS deadline, o.status, o.step_due::text AS "stepDue", o.opened_by AS "openedBy",
  o.opened_at AS "openedAt", o.updated_at AS "updatedAt", o.closed_at AS "closedAt"`;
const FROM = 'FROM supervision_orders o JOIN departments d ON d.id = o.department_id';

export interface OrderFilter {
  planId?: string | undefined;
  departmentIds: readonly string[] | null;
  subjectType?: SupervisionSubject | undefined;
  subjectId?: string | undefined;
  state: 'open' | 'closed' | 'all';
}

export interface SubjectRow {
  planId: string;
  title: string;
  leadDepartmentId: string | null;
}

export const supervisionRepository = {
  /** An indicator, task (plan node) or project: its plan, a title and its lead department. */
  async subject(db: Queryable, type: SupervisionSubject, id: string): Promise<SubjectRow | null> {
    const sql: Record<SupervisionSubject, string> = {
      indicator: `SELECT i.plan_id AS "planId", i.code || ' ' || i.name AS title,
                    (SELECT a.department_id FROM assignments a WHERE a.indicator_id = i.id AND a.role = 'lead' LIMIT 1)
                      AS "leadDepartmentId"
                    FROM indicators i WHERE i.id = $1`,
      task: `SELECT n.plan_id AS "planId", n.title,
               (SELECT a.department_id FROM assignments a WHERE a.node_id = n.id AND a.role = 'lead' LIMIT 1)
                 AS "leadDepartmentId"
               FROM plan_nodes n WHERE n.id = $1`,
      project: `SELECT p.plan_id AS "planId", p.code || ' ' || p.name AS title, p.lead_department_id AS "leadDepartmentId"
                  FROM projects p WHERE p.id = $1`,
    };
    const rows = await db.query<SubjectRow>(sql[type], [id]);
    return rows[0] ?? null;
  },

  async insert(
    tx: Queryable,
    o: Omit<
      OrderRow,
      'id' | 'departmentCode' | 'departmentName' | 'status' | 'updatedAt' | 'closedAt' | 'openedAt'
    >,
    at: Date,
  ): Promise<string> {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO supervision_orders (plan_id, subject_type, subject_id, subject_title, department_id, warning_id,
                                       title, requirement, plan_due, deadline, step_due, opened_by, opened_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
      [
        o.planId,
        o.subjectType,
        o.subjectId,
        o.subjectTitle,
        o.departmentId,
        o.warningId,
        o.title,
        o.requirement,
        o.planDue,
        o.deadline,
        o.stepDue,
        o.openedBy,
        at,
      ],
    );
    return rows[0]!.id;
  },

  async find(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow | null> {
    const rows = await db.query<OrderRow>(
      `SELECT ${COLUMNS} ${FROM} WHERE o.id = $1${opts.forUpdate ? ' FOR UPDATE OF o' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  },

  async list(db: Queryable, f: OrderFilter): Promise<OrderRow[]> {
    return db.query<OrderRow>(
      `SELECT ${COLUMNS} ${FROM}
        WHERE ($1::uuid IS NULL OR o.plan_id = $1)
          AND ($2::uuid[] IS NULL OR o.department_id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR o.subject_type = $3)
          AND ($4::uuid IS NULL OR o.subject_id = $4)
          AND ($5::text = 'all' OR ($5 = 'closed') = (o.status = 'closed'))
        ORDER BY (o.status = 'closed'), o.step_due NULLS LAST, o.opened_at DESC
        LIMIT 500`,
      [
        f.planId ?? null,
        f.departmentIds === null ? null : [...f.departmentIds],
        f.subjectType ?? null,
        f.subjectId ?? null,
        f.state,
      ],
    );
  },

  /** Open orders whose current step is past due on `today` (通报 and the escalation sweep). */
  async overdue(db: Queryable, today: string, planId: string | null): Promise<OrderRow[]> {
    return db.query<OrderRow>(
      `SELECT ${COLUMNS} ${FROM}
        WHERE o.status <> 'closed' AND o.step_due < $1::date AND ($2::uuid IS NULL OR o.plan_id = $2)
        ORDER BY d.code, o.step_due`,
      [today, planId],
    );
  },

  async setStatus(
    tx: Queryable,
    id: string,
    s: { status: SupervisionStatus; stepDue: string | null; at: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE supervision_orders SET status = $2::text, step_due = $3::date, updated_at = $4::timestamptz,
              closed_at = CASE WHEN $2::text = 'closed' THEN $4::timestamptz ELSE NULL END
        WHERE id = $1`,
      [id, s.status, s.stepDue, s.at],
    );
  },

  async insertStep(
    tx: Queryable,
    s: {
      orderId: string;
      action: SupervisionAction | 'open';
      fromStatus: SupervisionStatus | null;
      toStatus: SupervisionStatus;
      body: string | null;
      actorId: string;
      actor: string;
      at: Date;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO supervision_steps (order_id, action, from_status, to_status, body, actor_id, actor, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.orderId, s.action, s.fromStatus, s.toStatus, s.body, s.actorId, s.actor, s.at],
    );
  },

  async steps(db: Queryable, orderId: string): Promise<StepRow[]> {
    return db.query<StepRow>(
      `SELECT id::int AS id, action, from_status AS "fromStatus", to_status AS "toStatus", body, actor, at
         FROM supervision_steps WHERE order_id = $1 ORDER BY id`,
      [orderId],
    );
  },

  async measures(db: Queryable, orderIds: readonly string[]): Promise<(MeasureRow & { orderId: string })[]> {
    if (orderIds.length === 0) return [];
    return db.query(
      `SELECT id, order_id AS "orderId", position, title, milestone, due_date::text AS "dueDate",
              done_on::text AS "doneOn"
         FROM supervision_measures WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      [[...orderIds]],
    );
  },

  async replaceMeasures(tx: Queryable, orderId: string, ms: readonly Measure[]): Promise<void> {
    await tx.query('DELETE FROM supervision_measures WHERE order_id = $1', [orderId]);
    for (const [i, m] of ms.entries())
      await tx.query(
        `INSERT INTO supervision_measures (order_id, position, title, milestone, due_date)
         VALUES ($1, $2, $3, $4, $5::date)`,
        [orderId, i, m.title.trim(), m.milestone?.trim() || null, m.dueDate],
      );
  },

  async markMeasuresDone(tx: Queryable, orderId: string, ids: readonly string[], on: string): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE supervision_measures SET done_on = $3::date
        WHERE order_id = $1 AND id = ANY($2::uuid[]) AND done_on IS NULL`,
      [orderId, [...ids], on],
    );
  },

  async publicMeasures(db: Queryable, planId: string): Promise<boolean> {
    const rows = await db.query<{ on: boolean }>('SELECT public_measures AS "on" FROM plans WHERE id = $1', [
      planId,
    ]);
    return rows[0]?.on ?? false;
  },

  async setPublicMeasures(tx: Queryable, planId: string, on: boolean): Promise<void> {
    await tx.query('UPDATE plans SET public_measures = $2 WHERE id = $1', [planId, on]);
  },

  /** Measures of open or closed orders on an indicator, for the portal (when the plan shows them). */
  async measuresOfSubject(
    db: Queryable,
    subjectType: SupervisionSubject,
    subjectId: string,
  ): Promise<(MeasureRow & { orderTitle: string; status: SupervisionStatus })[]> {
    return db.query(
      `SELECT m.id, m.position, m.title, m.milestone, m.due_date::text AS "dueDate", m.done_on::text AS "doneOn",
              o.title AS "orderTitle", o.status
         FROM supervision_measures m JOIN supervision_orders o ON o.id = m.order_id
        WHERE o.subject_type = $1 AND o.subject_id = $2 AND o.status IN ('in_progress', 'closed')
        ORDER BY o.opened_at DESC, m.position`,
      [subjectType, subjectId],
    );
  },
};
