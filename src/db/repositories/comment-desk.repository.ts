import type { Queryable } from '../db.types.ts';
import type { FeedbackReplyKind, FeedbackTarget } from '../../domain/feedback.ts';

/** What the item a comment is about is called, whatever its type. */
export const TARGET_TITLE = `CASE f.target_type
    WHEN 'indicator' THEN (SELECT i.code || ' ' || i.name FROM indicators i WHERE i.id = f.target_id)
    WHEN 'node' THEN (SELECT COALESCE(n.number || ' ', '') || n.title FROM plan_nodes n WHERE n.id = f.target_id)
    WHEN 'project' THEN (SELECT p.name FROM projects p WHERE p.id = f.target_id) END`;

const REPLIES = `COALESCE((SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'body', r.body,
    'createdAt', r.created_at, 'departmentName', d.name, 'author', u.email) ORDER BY r.created_at)
    FROM feedback_replies r JOIN departments d ON d.id = r.department_id LEFT JOIN users u ON u.id = r.user_id
   WHERE r.feedback_id = f.id), '[]')`;

export interface QueueRow {
  id: string;
  targetType: FeedbackTarget;
  targetId: string;
  targetTitle: string | null;
  planId: string | null;
  body: string;
  name: string | null;
  contact: string | null;
  createdAt: Date;
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** Other comments from the same client in the last 30 days, any status. */
  sameClient: { id: string; status: string; body: string; createdAt: Date }[];
}

export interface DeskReply {
  id: string;
  kind: FeedbackReplyKind;
  body: string;
  createdAt: Date;
  departmentName: string;
  author: string | null;
}

export interface TodoRow {
  id: string;
  targetType: FeedbackTarget;
  targetId: string;
  targetTitle: string | null;
  publicBody: string | null;
  name: string | null;
  departmentId: string | null;
  departmentName: string | null;
  moderatedAt: Date | null;
  replyDueAt: Date | null;
  replies: DeskReply[];
}

export interface ReplyTemplateRow {
  id: string;
  departmentId: string | null;
  departmentName: string | null;
  title: string;
  body: string;
  updatedAt: Date;
}

export const commentDeskRepository = {
  /** Pending comments, oldest first, with the item, its lead department and the same client's other comments. */
  async moderationQueue(db: Queryable): Promise<QueueRow[]> {
    return db.query<QueueRow>(
      `SELECT f.id, f.target_type AS "targetType", f.target_id AS "targetId", ${TARGET_TITLE} AS "targetTitle",
              f.plan_id AS "planId", f.body, f.name, f.contact, f.created_at AS "createdAt",
              f.department_id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
              COALESCE((SELECT json_agg(json_build_object('id', o.id, 'status', o.status, 'body', left(o.body, 200),
                          'createdAt', o.created_at) ORDER BY o.created_at DESC)
                 FROM feedback o WHERE o.client_hash = f.client_hash AND o.id <> f.id
                  AND o.created_at > f.created_at - interval '30 days'), '[]') AS "sameClient"
         FROM feedback f LEFT JOIN departments d ON d.id = f.department_id
        WHERE f.status = 'pending' ORDER BY f.created_at LIMIT 500`,
    );
  },

  /** Published comments routed to these departments (all departments with null), with every reply. */
  async todo(db: Queryable, departmentIds: readonly string[] | null): Promise<TodoRow[]> {
    return db.query<TodoRow>(
      `SELECT f.id, f.target_type AS "targetType", f.target_id AS "targetId", ${TARGET_TITLE} AS "targetTitle",
              f.public_body AS "publicBody", f.name, f.department_id AS "departmentId", d.name AS "departmentName",
              f.moderated_at AS "moderatedAt", f.reply_due_at AS "replyDueAt", ${REPLIES} AS replies
         FROM feedback f LEFT JOIN departments d ON d.id = f.department_id
        WHERE f.status = 'published' AND ($1::uuid[] IS NULL OR f.department_id = ANY($1::uuid[]))
        ORDER BY f.reply_due_at NULLS LAST, f.created_at LIMIT 1000`,
      [departmentIds],
    );
  },

  /** Published comments with no official reply whose deadline falls before `until` (for the reminder sweep). */
  async unansweredDueBefore(
    db: Queryable,
    until: Date,
  ): Promise<{ id: string; departmentId: string; replyDueAt: Date; targetTitle: string | null }[]> {
    return db.query(
      `SELECT f.id, f.department_id AS "departmentId", f.reply_due_at AS "replyDueAt", ${TARGET_TITLE} AS "targetTitle"
         FROM feedback f
        WHERE f.status = 'published' AND f.department_id IS NOT NULL AND f.reply_due_at < $1
          AND NOT EXISTS (SELECT 1 FROM feedback_replies r WHERE r.feedback_id = f.id AND r.kind = 'reply')`,
      [until],
    );
  },

  async targetTitle(db: Queryable, feedbackId: string): Promise<string | null> {
    const rows = await db.query<{ t: string | null }>(
      `SELECT ${TARGET_TITLE} AS t FROM feedback f WHERE f.id = $1`,
      [feedbackId],
    );
    return rows[0]?.t ?? null;
  },

  async templates(db: Queryable, departmentIds: readonly string[] | null): Promise<ReplyTemplateRow[]> {
    return db.query<ReplyTemplateRow>(
      `SELECT t.id, t.department_id AS "departmentId", d.name AS "departmentName", t.title, t.body,
              t.updated_at AS "updatedAt"
         FROM reply_templates t LEFT JOIN departments d ON d.id = t.department_id
        WHERE $1::uuid[] IS NULL OR t.department_id IS NULL OR t.department_id = ANY($1::uuid[])
        ORDER BY t.department_id NULLS FIRST, t.title`,
      [departmentIds],
    );
  },

  async findTemplate(db: Queryable, id: string): Promise<ReplyTemplateRow | null> {
    const rows = await db.query<ReplyTemplateRow>(
      `SELECT t.id, t.department_id AS "departmentId", d.name AS "departmentName", t.title, t.body,
              t.updated_at AS "updatedAt"
         FROM reply_templates t LEFT JOIN departments d ON d.id = t.department_id WHERE t.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async insertTemplate(
    db: Queryable,
    t: { departmentId: string | null; title: string; body: string; createdBy: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO reply_templates (department_id, title, body, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [t.departmentId, t.title, t.body, t.createdBy],
    );
    return rows[0]!.id;
  },

  async updateTemplate(db: Queryable, id: string, t: { title: string; body: string }): Promise<void> {
    await db.query(`UPDATE reply_templates SET title = $2, body = $3, updated_at = now() WHERE id = $1`, [
      id,
      t.title,
      t.body,
    ]);
  },

  async deleteTemplate(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM reply_templates WHERE id = $1', [id]);
  },
};
