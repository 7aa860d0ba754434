import type { Queryable } from '../db.types.ts';
import type { FeedbackReplyKind, FeedbackStatus, FeedbackTarget } from '../../domain/feedback.ts';

export interface FeedbackRow {
  id: string;
  targetType: FeedbackTarget;
  targetId: string;
  planId: string | null;
  body: string;
  publicBody: string | null;
  name: string | null;
  contact: string | null;
  status: FeedbackStatus;
  rejectReason: string | null;
  departmentId: string | null;
  departmentName: string | null;
  replyDueAt: Date | null;
  moderatedAt: Date | null;
  createdAt: Date;
  reply: { body: string; createdAt: Date; departmentName: string } | null;
  /** The name of the item the comment is about (indicator, project or plan node). */
  targetName: string | null;
}

const COLUMNS = `f.id, f.target_type AS "targetType", f.target_id AS "targetId", f.plan_id AS "planId", f.body,
  f.public_body AS "publicBody", f.name, f.contact, f.status, f.reject_reason AS "rejectReason",
  f.department_id AS "departmentId", d.name AS "departmentName", f.reply_due_at AS "replyDueAt",
  f.moderated_at AS "moderatedAt", f.created_at AS "createdAt",
  CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('body', r.body, 'createdAt', r.created_at, 'departmentName', rd.name) END AS reply,
  CASE f.target_type WHEN 'indicator' THEN (SELECT ti.name FROM indicators ti WHERE ti.id = f.target_id)
    WHEN 'project' THEN (SELECT tp.name FROM projects tp WHERE tp.id = f.target_id)
    ELSE (SELECT tn.title FROM plan_nodes tn WHERE tn.id = f.target_id) END AS "targetName"`;
const FROM = `feedback f LEFT JOIN departments d ON d.id = f.department_id
  LEFT JOIN feedback_replies r ON r.feedback_id = f.id AND r.kind = 'reply' LEFT JOIN departments rd ON rd.id = r.department_id`;

export interface TargetInfo {
  planId: string | null;
  leadDepartmentId: string | null;
  title: string;
}

export const feedbackRepository = {
  /** The item a comment is about: its plan, its title and the department that must reply (lead of the item or of its nearest ancestor). */
  async findTarget(db: Queryable, type: FeedbackTarget, id: string): Promise<TargetInfo | null> {
    switch (type) {
      case 'indicator': {
        const rows = await db.query<TargetInfo>(
          `SELECT i.plan_id AS "planId", i.name AS title,
                  (SELECT department_id FROM assignments WHERE indicator_id = i.id AND role = 'lead' LIMIT 1) AS "leadDepartmentId"
             FROM indicators i WHERE i.id = $1`,
          [id],
        );
        return rows[0] ?? null;
      }
      case 'node': {
        const rows = await db.query<TargetInfo>(
          `WITH RECURSIVE up AS (
             SELECT id, parent_id, 0 AS depth FROM plan_nodes WHERE id = $1
             UNION ALL SELECT n.id, n.parent_id, up.depth + 1 FROM plan_nodes n JOIN up ON n.id = up.parent_id)
           SELECT n.plan_id AS "planId", COALESCE(n.number || ' ', '') || n.title AS title,
                  (SELECT a.department_id FROM up JOIN assignments a ON a.node_id = up.id AND a.role = 'lead'
                    ORDER BY up.depth LIMIT 1) AS "leadDepartmentId"
             FROM plan_nodes n WHERE n.id = $1`,
          [id],
        );
        return rows[0] ?? null;
      }
      case 'project': {
        const rows = await db.query<TargetInfo>(
          `SELECT p.plan_id AS "planId", p.name AS title,
                  (SELECT d.id FROM departments d WHERE d.name = p.lead_unit OR d.code = p.lead_unit LIMIT 1) AS "leadDepartmentId"
             FROM projects p WHERE p.id = $1`,
          [id],
        );
        return rows[0] ?? null;
      }
    }
  },

  /** Distinct clients whose comments on an item were accepted within the window, and whether `client` is one. */
  async recentCommenters(
    db: Queryable,
    type: FeedbackTarget,
    id: string,
    windowSeconds: number,
    client: string,
  ): Promise<{ clients: number; includesClient: boolean }> {
    const rows = await db.query<{ clients: number; includesClient: boolean | null }>(
      `SELECT count(DISTINCT client_hash)::int AS clients, bool_or(client_hash = $4) AS "includesClient"
         FROM feedback
        WHERE target_type = $1 AND target_id = $2 AND created_at > now() - make_interval(secs => $3)`,
      [type, id, windowSeconds, client],
    );
    return { clients: rows[0]?.clients ?? 0, includesClient: rows[0]?.includesClient ?? false };
  },

  async insert(
    db: Queryable,
    f: {
      targetType: FeedbackTarget;
      targetId: string;
      planId: string | null;
      body: string;
      name: string | null;
      contact: string | null;
      clientHash: string;
      departmentId: string | null;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO feedback (target_type, target_id, plan_id, body, name, contact, client_hash, department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [f.targetType, f.targetId, f.planId, f.body, f.name, f.contact, f.clientHash, f.departmentId],
    );
    return rows[0]!.id;
  },

  async find(db: Queryable, id: string): Promise<FeedbackRow | null> {
    const rows = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  },

  async list(
    db: Queryable,
    filter: {
      status?: FeedbackStatus;
      departmentId?: string;
      targetType?: FeedbackTarget;
      targetId?: string;
    },
  ): Promise<FeedbackRow[]> {
    return db.query<FeedbackRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE ($1::text IS NULL OR f.status = $1) AND ($2::uuid IS NULL OR f.department_id = $2)
          AND ($3::text IS NULL OR f.target_type = $3) AND ($4::uuid IS NULL OR f.target_id = $4)
        ORDER BY f.created_at DESC LIMIT 500`,
      [
        filter.status ?? null,
        filter.departmentId ?? null,
        filter.targetType ?? null,
        filter.targetId ?? null,
      ],
    );
  },

  async moderate(
    db: Queryable,
    id: string,
    m: {
      status: 'published' | 'rejected';
      publicBody: string | null;
      rejectReason: string | null;
      by: string;
      replyDueAt: Date | null;
      departmentId: string | null;
    },
  ): Promise<boolean> {
    const rows = await db.query(
      `UPDATE feedback SET status = $2, public_body = $3, reject_reason = $4, moderated_by = $5, moderated_at = now(),
              reply_due_at = $6, department_id = COALESCE($7, department_id)
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, m.status, m.publicBody, m.rejectReason, m.by, m.replyDueAt, m.departmentId],
    );
    return rows.length === 1;
  },

  /** The official reply (one a comment) or a follow-up after it (进一步答复). */
  async insertReply(
    db: Queryable,
    r: {
      feedbackId: string;
      departmentId: string;
      userId: string;
      body: string;
      kind: FeedbackReplyKind;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO feedback_replies (feedback_id, department_id, user_id, body, kind) VALUES ($1, $2, $3, $4, $5)`,
      [r.feedbackId, r.departmentId, r.userId, r.body, r.kind],
    );
  },

  /** Published comments still waiting for a reply past their deadline. */
  async overdue(db: Queryable, asOf: Date): Promise<FeedbackRow[]> {
    return db.query<FeedbackRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.status = 'published' AND r.id IS NULL AND f.reply_due_at < $1
        ORDER BY f.reply_due_at`,
      [asOf],
    );
  },

  /** Per department: comments routed to it, replies given, and each reply's delay. */
  async replyStats(
    db: Queryable,
  ): Promise<{ departmentId: string; name: string; routed: number; replied: number; delaysMs: number[] }[]> {
    return db.query(
      `SELECT d.id AS "departmentId", d.name, count(f.id)::int AS routed, count(r.id)::int AS replied,
              COALESCE(array_agg((extract(epoch FROM r.created_at - f.moderated_at) * 1000)::float8)
                       FILTER (WHERE r.id IS NOT NULL), '{}') AS "delaysMs"
         FROM feedback f JOIN departments d ON d.id = f.department_id
         LEFT JOIN feedback_replies r ON r.feedback_id = f.id AND r.kind = 'reply'
        WHERE f.status = 'published'
        GROUP BY d.id, d.name ORDER BY d.name`,
    );
  },
};
