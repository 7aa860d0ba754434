import type { Queryable } from '../db.types.ts';
import type { AssessmentConfig } from '../../domain/assessment.ts';
import type { Frequency } from '../../domain/indicator.ts';
import { TARGET_TITLE } from './comment-desk.repository.ts';

/** The first day and the last of a year, as SQL dates from the year parameter. */
const IN_YEAR = (col: string, p: string) =>
  `${col} BETWEEN make_date(${p}, 1, 1) AND make_date(${p}, 12, 31)`;

export interface AdjustmentRow {
  id: string;
  departmentId: string;
  points: number;
  reason: string;
  actor: string;
  createdAt: Date;
}

/** What department assessment (issue 16 §6) reads: the year's events of a plan, and its settings. */
export const assessmentRepository = {
  async config(db: Queryable, planId: string): Promise<AssessmentConfig | null> {
    const rows = await db.query<{ weights: AssessmentConfig['weights']; bindingWeight: number }>(
      `SELECT weights, binding_weight AS "bindingWeight" FROM assessment_settings WHERE plan_id = $1`,
      [planId],
    );
    const r = rows[0];
    return r ? { weights: r.weights, bindingWeight: Number(r.bindingWeight) } : null;
  },

  async saveConfig(db: Queryable, planId: string, c: AssessmentConfig, by: string): Promise<void> {
    await db.query(
      `INSERT INTO assessment_settings (plan_id, weights, binding_weight, updated_by)
       VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (plan_id) DO UPDATE
          SET weights = EXCLUDED.weights, binding_weight = EXCLUDED.binding_weight,
              updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [planId, JSON.stringify(c.weights), c.bindingWeight, by],
    );
  },

  /** Departments with work in the plan: leading an indicator or a task, or sent a comment or a 督办单. */
  async departments(db: Queryable, planId: string): Promise<{ id: string; code: string; name: string }[]> {
    return db.query(
      `SELECT d.id, d.code, d.name FROM departments d
        WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.plan_id = $1 AND a.department_id = d.id AND a.role = 'lead')
           OR EXISTS (SELECT 1 FROM feedback f WHERE f.plan_id = $1 AND f.department_id = d.id)
           OR EXISTS (SELECT 1 FROM supervision_orders o WHERE o.plan_id = $1 AND o.department_id = d.id)
        ORDER BY d.code`,
      [planId],
    );
  },

  /** The plan's indicators with their lead department. */
  async ledIndicators(
    db: Queryable,
    planId: string,
  ): Promise<
    {
      id: string;
      code: string;
      name: string;
      binding: boolean;
      frequency: Frequency;
      dueDays: number;
      departmentId: string;
    }[]
  > {
    return db.query(
      `SELECT i.id, i.code, i.name, i.attribute = 'binding' AS binding, i.frequency, i.due_days AS "dueDays",
              a.department_id AS "departmentId"
         FROM indicators i JOIN assignments a ON a.indicator_id = i.id AND a.role = 'lead'
        WHERE i.plan_id = $1 ORDER BY i.position`,
      [planId],
    );
  },

  /**
   * Per indicator and period of the year (whole area): when a value was first submitted, or approved by
   * someone; and whether a figure was loaded with the plan's data instead (approved with nobody submitting or
   * approving it: the dataset load).
   */
  async firstReported(
    db: Queryable,
    planId: string,
    year: number,
  ): Promise<{ indicatorId: string; period: string; at: Date | null; loaded: boolean }[]> {
    return db.query(
      `SELECT o.indicator_id AS "indicatorId", o.period,
              min(COALESCE(o.submitted_at, o.approved_at))
                FILTER (WHERE o.submitted_at IS NOT NULL OR o.approved_by IS NOT NULL) AS at,
              bool_or(o.submitted_at IS NULL AND o.approved_by IS NULL) AS loaded
         FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.plan_id = $1 AND o.year = $2 AND o.kind = 'actual' AND o.region_id IS NULL
          AND (o.submitted_at IS NOT NULL OR o.approved_at IS NOT NULL)
        GROUP BY o.indicator_id, o.period`,
      [planId, year],
    );
  },

  /** Every value of the year submitted for approval (whole area), and whether it was sent back. */
  async submissions(
    db: Queryable,
    planId: string,
    year: number,
  ): Promise<{ indicatorId: string; period: string; returned: boolean; returnReason: string | null }[]> {
    return db.query(
      `SELECT o.indicator_id AS "indicatorId", o.period, o.returned_by IS NOT NULL AS returned,
              o.return_reason AS "returnReason"
         FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.plan_id = $1 AND o.year = $2 AND o.kind = 'actual' AND o.region_id IS NULL
          AND o.submitted_at IS NOT NULL
        ORDER BY i.position, o.period, o.version`,
      [planId, year],
    );
  },

  /** Task milestones due in the year, with the task's lead department. */
  async milestones(
    db: Queryable,
    planId: string,
    year: number,
  ): Promise<
    {
      id: string;
      title: string;
      due: string;
      completedOn: string | null;
      nodeId: string;
      nodeTitle: string;
      departmentId: string | null;
    }[]
  > {
    return db.query(
      `SELECT m.id, m.title, m.due_date::text AS due, m.completed_on::text AS "completedOn",
              n.id AS "nodeId", COALESCE(n.number || ' ', '') || n.title AS "nodeTitle",
              (SELECT a.department_id FROM assignments a WHERE a.node_id = n.id AND a.role = 'lead' LIMIT 1)
                AS "departmentId"
         FROM task_milestones m
         JOIN task_work_plans w ON w.id = m.work_plan_id
         JOIN plan_nodes n ON n.id = w.node_id
        WHERE n.plan_id = $1 AND ${IN_YEAR('m.due_date', '$2')}
        ORDER BY m.due_date, m.position`,
      [planId, year],
    );
  },

  /** Published comments routed to a department, with the official reply's time (the caller picks the year). */
  async replies(
    db: Queryable,
    planId: string,
  ): Promise<
    { id: string; title: string | null; departmentId: string; dueAt: Date; repliedAt: Date | null }[]
  > {
    return db.query(
      `SELECT f.id, ${TARGET_TITLE} AS title, f.department_id AS "departmentId", f.reply_due_at AS "dueAt",
              (SELECT min(r.created_at) FROM feedback_replies r WHERE r.feedback_id = f.id AND r.kind = 'reply')
                AS "repliedAt"
         FROM feedback f
        WHERE f.plan_id = $1 AND f.status = 'published' AND f.department_id IS NOT NULL
          AND f.reply_due_at IS NOT NULL
        ORDER BY f.reply_due_at`,
      [planId],
    );
  },

  /** 督办单 of the plan whose deadline falls in the year. */
  async supervisionOrders(
    db: Queryable,
    planId: string,
    year: number,
  ): Promise<{ id: string; title: string; departmentId: string; deadline: string; closedAt: Date | null }[]> {
    return db.query(
      `SELECT o.id, o.title || '（' || o.subject_title || '）' AS title, o.department_id AS "departmentId",
              o.deadline::text AS deadline, o.closed_at AS "closedAt"
         FROM supervision_orders o
        WHERE o.plan_id = $1 AND ${IN_YEAR('o.deadline', '$2')}
        ORDER BY o.deadline, o.opened_at`,
      [planId, year],
    );
  },

  async adjustments(db: Queryable, planId: string, year: number): Promise<AdjustmentRow[]> {
    return db.query(
      `SELECT id, department_id AS "departmentId", points, reason, actor, created_at AS "createdAt"
         FROM assessment_adjustments WHERE plan_id = $1 AND year = $2 ORDER BY created_at, id`,
      [planId, year],
    );
  },

  async addAdjustment(
    db: Queryable,
    a: {
      planId: string;
      year: number;
      departmentId: string;
      points: number;
      reason: string;
      userId: string;
      actor: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO assessment_adjustments (plan_id, year, department_id, points, reason, created_by, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [a.planId, a.year, a.departmentId, a.points, a.reason, a.userId, a.actor],
    );
    return rows[0]!.id;
  },
};
