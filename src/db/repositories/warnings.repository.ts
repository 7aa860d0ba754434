import type { Queryable } from '../db.types.ts';
import type { Finding, WarningRule, WarningSubject } from '../../domain/warnings.ts';

/** A finding as stored: where it stands (raised, changed level, last checked, cleared) and its department named. */
export interface WarningRow extends Finding {
  id: string;
  planId: string;
  departmentCode: string | null;
  departmentName: string | null;
  raisedAt: Date;
  levelAt: Date;
  checkedAt: Date;
  clearedAt: Date | null;
}

const COLUMNS = `w.id, w.plan_id AS "planId", w.kind, w.subject_type AS "subjectType", w.subject_id AS "subjectId",
  w.key, w.title, w.department_id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
  w.level, w.measure, w.reason, w.raised_at AS "raisedAt", w.level_at AS "levelAt", w.checked_at AS "checkedAt",
  w.cleared_at AS "clearedAt"`;

export interface WarningFilter {
  planId: string;
  state: 'active' | 'cleared' | 'all';
  departmentIds: readonly string[] | null;
  subjectType?: WarningSubject | undefined;
  subjectId?: string | undefined;
  limit: number;
}

export const warningsRepository = {
  async rules(db: Queryable, planId: string): Promise<WarningRule[]> {
    return db.query<WarningRule>(
      'SELECT kind, enabled, yellow, red FROM warning_rules WHERE plan_id = $1 ORDER BY kind',
      [planId],
    );
  },

  async saveRule(db: Queryable, planId: string, r: WarningRule, by: string): Promise<void> {
    await db.query(
      `INSERT INTO warning_rules (plan_id, kind, enabled, yellow, red, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (plan_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, yellow = EXCLUDED.yellow,
         red = EXCLUDED.red, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [planId, r.kind, r.enabled, r.yellow, r.red, by],
    );
  },

  /** Serialises sweeps of one plan across nodes; false when another transaction holds it. */
  async tryLockPlan(tx: Queryable, planId: string): Promise<boolean> {
    const rows = await tx.query<{ ok: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtext('lantu:warnings:' || $1::text)) AS ok`,
      [planId],
    );
    return rows[0]!.ok;
  },

  async active(db: Queryable, planId: string): Promise<WarningRow[]> {
    return db.query<WarningRow>(
      `SELECT ${COLUMNS} FROM warnings w LEFT JOIN departments d ON d.id = w.department_id
        WHERE w.plan_id = $1 AND w.cleared_at IS NULL`,
      [planId],
    );
  },

  async list(db: Queryable, f: WarningFilter): Promise<WarningRow[]> {
    return db.query<WarningRow>(
      `SELECT ${COLUMNS} FROM warnings w LEFT JOIN departments d ON d.id = w.department_id
        WHERE w.plan_id = $1
          AND ($2::text = 'all' OR ($2 = 'active') = (w.cleared_at IS NULL))
          AND ($3::uuid[] IS NULL OR w.department_id = ANY($3::uuid[]))
          AND ($4::text IS NULL OR w.subject_type = $4)
          AND ($5::uuid IS NULL OR w.subject_id = $5)
        ORDER BY (w.cleared_at IS NULL) DESC, (w.level = 'red') DESC, w.raised_at DESC
        LIMIT $6`,
      [
        f.planId,
        f.state,
        f.departmentIds === null ? null : [...f.departmentIds],
        f.subjectType ?? null,
        f.subjectId ?? null,
        f.limit,
      ],
    );
  },

  async find(db: Queryable, id: string): Promise<WarningRow | null> {
    const rows = await db.query<WarningRow>(
      `SELECT ${COLUMNS} FROM warnings w LEFT JOIN departments d ON d.id = w.department_id WHERE w.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  /** Raises a warning; null when another node raised the same one first. */
  async insert(tx: Queryable, planId: string, f: Finding, now: Date): Promise<string | null> {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO warnings (plan_id, kind, subject_type, subject_id, key, title, department_id, level, measure,
                             reason, raised_at, level_at, checked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11)
       ON CONFLICT (plan_id, kind, subject_type, subject_id, key) WHERE cleared_at IS NULL DO NOTHING
       RETURNING id`,
      [
        planId,
        f.kind,
        f.subjectType,
        f.subjectId,
        f.key,
        f.title,
        f.departmentId,
        f.level,
        f.measure,
        JSON.stringify(f.reason),
        now,
      ],
    );
    return rows[0]?.id ?? null;
  },

  /** The warning still stands: its latest measure, reason and (when it moved) level. */
  async refresh(tx: Queryable, id: string, f: Finding, now: Date): Promise<void> {
    await tx.query(
      `UPDATE warnings SET measure = $2, reason = $3, title = $4, department_id = $5, checked_at = $6,
              level_at = CASE WHEN level = $7 THEN level_at ELSE $6 END, level = $7
        WHERE id = $1`,
      [id, f.measure, JSON.stringify(f.reason), f.title, f.departmentId, now, f.level],
    );
  },

  async clear(tx: Queryable, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.query('UPDATE warnings SET cleared_at = $2 WHERE id = ANY($1::uuid[]) AND cleared_at IS NULL', [
      [...ids],
      now,
    ]);
  },

  /**
   * When the plan came into lantu: the first version's creation (a later version keeps the date, so publishing
   * one does not forgive what was already late).
   */
  async collectingSince(db: Queryable, planId: string): Promise<Date | null> {
    const rows = await db.query<{ since: Date | null }>(
      `SELECT min(v.created_at) AS since FROM plans p JOIN plans v ON v.key = p.key WHERE p.id = $1`,
      [planId],
    );
    return rows[0]?.since ? new Date(rows[0].since) : null;
  },

  /** Lead departments of a plan's indicators and task nodes (subject id → department id). */
  async leadDepartments(db: Queryable, planId: string): Promise<Map<string, string>> {
    const rows = await db.query<{ subjectId: string; departmentId: string }>(
      `SELECT COALESCE(indicator_id, node_id) AS "subjectId", department_id AS "departmentId"
         FROM assignments WHERE plan_id = $1 AND role = 'lead'`,
      [planId],
    );
    return new Map(rows.map((r) => [r.subjectId, r.departmentId]));
  },

  /** Published comments on the plan's items still without an official reply. */
  async unansweredReplies(
    db: Queryable,
    planId: string,
  ): Promise<
    { id: string; departmentId: string | null; replyDueAt: Date; targetType: string; targetId: string }[]
  > {
    return db.query(
      `SELECT f.id, f.department_id AS "departmentId", f.reply_due_at AS "replyDueAt",
              f.target_type AS "targetType", f.target_id AS "targetId"
         FROM feedback f
        WHERE f.plan_id = $1 AND f.status = 'published' AND f.reply_due_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM feedback_replies r WHERE r.feedback_id = f.id AND r.kind = 'reply')`,
      [planId],
    );
  },

  /** The plan's projects in the library with investment planned for the year. */
  async projectInvestments(
    db: Queryable,
    planId: string,
    year: number,
  ): Promise<
    {
      id: string;
      code: string;
      name: string;
      departmentId: string | null;
      planned: number;
      completed: number;
    }[]
  > {
    return db.query(
      `SELECT p.id, p.code, p.name, p.lead_department_id AS "departmentId", i.planned,
              COALESCE(i.completed, 0) AS completed
         FROM projects p JOIN project_investments i ON i.project_id = p.id AND i.year = $2
        WHERE p.plan_id = $1 AND p.in_library AND i.planned > 0
        ORDER BY p.code`,
      [planId, year],
    );
  },

  /** Open milestones of the plan's tasks due before `today`, with the task's lead department. */
  async overdueMilestones(
    db: Queryable,
    planId: string,
    today: string,
  ): Promise<
    {
      id: string;
      title: string;
      due: string;
      nodeId: string;
      nodeTitle: string;
      departmentId: string | null;
    }[]
  > {
    return db.query(
      `SELECT m.id, m.title, m.due_date::text AS due, n.id AS "nodeId", n.title AS "nodeTitle",
              (SELECT a.department_id FROM assignments a WHERE a.node_id = n.id AND a.role = 'lead' LIMIT 1)
                AS "departmentId"
         FROM task_milestones m
         JOIN task_work_plans w ON w.id = m.work_plan_id
         JOIN plan_nodes n ON n.id = w.node_id
        WHERE n.plan_id = $1 AND m.completed_on IS NULL AND m.due_date < $2::date
        ORDER BY m.due_date, m.position`,
      [planId, today],
    );
  },
};
