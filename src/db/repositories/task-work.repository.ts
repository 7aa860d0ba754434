import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { TaskStatus } from '../../domain/evaluation/tasks.ts';
import type { DepartmentRole } from '../../domain/plan.ts';

export interface TaskNodeAccess {
  id: string;
  planId: string;
  kind: string;
  title: string;
  departmentIds: string[];
}

export interface WorkPlanRow {
  id: string;
  nodeId: string;
  year: number;
  summary: string | null;
  createdAt: Date;
}

export interface MilestoneRow {
  id: string;
  workPlanId: string;
  position: number;
  title: string;
  dueDate: string;
  completedOn: string | null;
}

export interface TaskReportRow {
  id: string;
  nodeId: string;
  year: number;
  status: TaskStatus;
  percent: number;
  text: string;
  byEmail: string | null;
  createdAt: Date;
}

export interface EvidenceMeta {
  id: string;
  reportId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface OverdueMilestoneRow {
  id: string;
  title: string;
  dueDate: string;
  year: number;
  nodeId: string;
  nodeTitle: string;
  planId: string;
  departmentCode: string;
  departmentName: string;
  role: DepartmentRole;
}

const MILESTONE_COLUMNS = `m.id, m.work_plan_id AS "workPlanId", m.position, m.title, m.due_date::text AS "dueDate",
  m.completed_on::text AS "completedOn"`;

export const taskWorkRepository = {
  /** A plan node with the departments assigned to it (lead and co). */
  async findNode(db: Queryable, id: string): Promise<TaskNodeAccess | null> {
    const rows = await db.query<TaskNodeAccess>(
      `SELECT n.id, n.plan_id AS "planId", n.kind, n.title,
              COALESCE(array_agg(a.department_id::text) FILTER (WHERE a.department_id IS NOT NULL), '{}') AS "departmentIds"
         FROM plan_nodes n LEFT JOIN assignments a ON a.node_id = n.id
        WHERE n.id = $1 GROUP BY n.id`,
      [id],
    );
    return rows[0] ?? null;
  },

  async findWorkPlan(db: Queryable, nodeId: string, year: number): Promise<WorkPlanRow | null> {
    const rows = await db.query<WorkPlanRow>(
      `SELECT id, node_id AS "nodeId", year, summary, created_at AS "createdAt"
         FROM task_work_plans WHERE node_id = $1 AND year = $2 FOR UPDATE`,
      [nodeId, year],
    );
    return rows[0] ?? null;
  },

  async insertWorkPlan(
    db: Queryable,
    w: { nodeId: string; year: number; summary: string | null; by: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO task_work_plans (node_id, year, summary, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [w.nodeId, w.year, w.summary, w.by],
    );
    return rows[0]!.id;
  },

  async updateWorkPlanSummary(db: Queryable, id: string, summary: string | null): Promise<void> {
    await db.query('UPDATE task_work_plans SET summary = $2 WHERE id = $1', [id, summary]);
  },

  async replaceMilestones(
    db: Queryable,
    workPlanId: string,
    milestones: readonly { title: string; dueDate: string; completedOn: string | null }[],
  ): Promise<void> {
    await db.query('DELETE FROM task_milestones WHERE work_plan_id = $1', [workPlanId]);
    await insertRows(
      db,
      'task_milestones',
      ['work_plan_id', 'position', 'title', 'due_date', 'completed_on'],
      milestones.map((m, i) => [workPlanId, i, m.title, m.dueDate, m.completedOn]),
    );
  },

  async listWorkPlans(db: Queryable, nodeId: string): Promise<WorkPlanRow[]> {
    return db.query<WorkPlanRow>(
      `SELECT id, node_id AS "nodeId", year, summary, created_at AS "createdAt"
         FROM task_work_plans WHERE node_id = $1 ORDER BY year`,
      [nodeId],
    );
  },

  async listMilestones(db: Queryable, workPlanIds: readonly string[]): Promise<MilestoneRow[]> {
    if (workPlanIds.length === 0) return [];
    return db.query<MilestoneRow>(
      `SELECT ${MILESTONE_COLUMNS} FROM task_milestones m WHERE m.work_plan_id = ANY($1::uuid[]) ORDER BY m.work_plan_id, m.position`,
      [[...workPlanIds]],
    );
  },

  async findMilestone(db: Queryable, id: string): Promise<(MilestoneRow & { nodeId: string }) | null> {
    const rows = await db.query<MilestoneRow & { nodeId: string }>(
      `SELECT ${MILESTONE_COLUMNS}, w.node_id AS "nodeId"
         FROM task_milestones m JOIN task_work_plans w ON w.id = m.work_plan_id WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async setMilestoneCompleted(db: Queryable, id: string, completedOn: string | null): Promise<void> {
    await db.query('UPDATE task_milestones SET completed_on = $2::date WHERE id = $1', [id, completedOn]);
  },

  /** Open milestones due before `today`, with the departments responsible for their task. */
  async listOverdue(
    db: Queryable,
    today: string,
    departmentCode: string | null,
  ): Promise<OverdueMilestoneRow[]> {
    return db.query<OverdueMilestoneRow>(
      `SELECT m.id, m.title, m.due_date::text AS "dueDate", w.year, n.id AS "nodeId", n.title AS "nodeTitle",
              n.plan_id AS "planId", d.code AS "departmentCode",
              d.name AS "departmentName", a.role
         FROM task_milestones m
         JOIN task_work_plans w ON w.id = m.work_plan_id
         JOIN plan_nodes n ON n.id = w.node_id
         JOIN assignments a ON a.node_id = n.id
         JOIN departments d ON d.id = a.department_id
        WHERE m.completed_on IS NULL AND m.due_date < $1::date AND ($2::text IS NULL OR d.code = $2)
        ORDER BY m.due_date, d.code, m.position`,
      [today, departmentCode],
    );
  },

  async insertReport(
    db: Queryable,
    r: { nodeId: string; year: number; status: TaskStatus; percent: number; text: string; by: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO task_reports (node_id, year, status, percent, text, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.nodeId, r.year, r.status, r.percent, r.text, r.by],
    );
    return rows[0]!.id;
  },

  async findReport(db: Queryable, id: string): Promise<TaskReportRow | null> {
    const rows = await db.query<TaskReportRow>(
      `SELECT r.id, r.node_id AS "nodeId", r.year, r.status, r.percent, r.text, u.email AS "byEmail", r.created_at AS "createdAt"
         FROM task_reports r LEFT JOIN users u ON u.id = r.created_by WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async listReports(db: Queryable, nodeId: string): Promise<TaskReportRow[]> {
    return db.query<TaskReportRow>(
      `SELECT r.id, r.node_id AS "nodeId", r.year, r.status, r.percent, r.text, u.email AS "byEmail", r.created_at AS "createdAt"
         FROM task_reports r LEFT JOIN users u ON u.id = r.created_by WHERE r.node_id = $1 ORDER BY r.created_at, r.id`,
      [nodeId],
    );
  },

  /** The latest report of every node of a plan (optionally up to a year), with its text (reports quote it). */
  async latestReportsByPlan(
    db: Queryable,
    planId: string,
    upToYear: number | null,
  ): Promise<{ nodeId: string; status: TaskStatus; percent: number; text: string; year: number }[]> {
    return db.query(
      `SELECT DISTINCT ON (r.node_id) r.node_id AS "nodeId", r.status, r.percent, r.text, r.year
         FROM task_reports r JOIN plan_nodes n ON n.id = r.node_id
        WHERE n.plan_id = $1 AND ($2::int IS NULL OR r.year <= $2)
        ORDER BY r.node_id, r.year DESC, r.created_at DESC, r.id DESC`,
      [planId, upToYear],
    );
  },

  async insertEvidence(
    db: Queryable,
    e: {
      reportId: string;
      filename: string;
      contentType: string;
      size: number;
      sha256: string;
      content: Uint8Array;
      by: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO evidence_files (report_id, filename, content_type, size, sha256, content, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [e.reportId, e.filename, e.contentType, e.size, e.sha256, e.content, e.by],
    );
    return rows[0]!.id;
  },

  async listEvidence(db: Queryable, reportIds: readonly string[]): Promise<EvidenceMeta[]> {
    if (reportIds.length === 0) return [];
    return db.query<EvidenceMeta>(
      `SELECT id, report_id AS "reportId", filename, content_type AS "contentType", size, sha256, created_at AS "createdAt"
         FROM evidence_files WHERE report_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [[...reportIds]],
    );
  },

  async findEvidence(
    db: Queryable,
    id: string,
  ): Promise<(EvidenceMeta & { content: Uint8Array; nodeId: string }) | null> {
    const rows = await db.query<EvidenceMeta & { content: Uint8Array; nodeId: string }>(
      `SELECT e.id, e.report_id AS "reportId", e.filename, e.content_type AS "contentType", e.size, e.sha256,
              e.created_at AS "createdAt", e.content, r.node_id AS "nodeId"
         FROM evidence_files e JOIN task_reports r ON r.id = e.report_id WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },
};
