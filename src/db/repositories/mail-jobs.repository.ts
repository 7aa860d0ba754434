import type { Queryable } from '../db.types.ts';
import type { MailJobStatus } from '../../domain/notification.ts';

export type MailJobKind = 'single' | 'digest' | 'account';
export type { MailJobStatus };

export interface MailJob {
  id: number;
  kind: MailJobKind;
  userId: string | null;
  recipient: string;
  subject: string;
  bodyText: string;
  attempts: number;
}

export interface MailJobSummary extends MailJob {
  status: MailJobStatus;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** A job claimed by one node is left alone by the others for this long (a send never takes that long). */
export const MAIL_LEASE_SECONDS = 600;

const JOB = `id::int AS id, kind, user_id AS "userId", recipient, subject, body_text AS "bodyText", attempts`;

export const mailJobsRepository = {
  /** Enqueues a mail; with a dedupe key already enqueued, nothing happens and null is returned. */
  async enqueue(
    db: Queryable,
    j: {
      kind: MailJobKind;
      userId: string | null;
      recipient: string;
      subject: string;
      bodyText: string;
      dedupeKey: string | null;
    },
  ): Promise<number | null> {
    const rows = await db.query<{ id: number }>(
      `INSERT INTO mail_jobs (kind, user_id, recipient, subject, body_text, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::int AS id`,
      [j.kind, j.userId, j.recipient, j.subject, j.bodyText, j.dedupeKey],
    );
    return rows[0]?.id ?? null;
  },

  /**
   * Claims up to `limit` due jobs for this node. Rows another node is claiming right now are skipped
   * (FOR UPDATE SKIP LOCKED); a job stays claimed for MAIL_LEASE_SECONDS, after which a node that died
   * mid-send is assumed gone and the job is taken again.
   */
  async claim(db: Queryable, node: string, limit: number): Promise<MailJob[]> {
    return db.query<MailJob>(
      `UPDATE mail_jobs SET status = 'sending', locked_by = $1, locked_at = now(), attempts = attempts + 1
        WHERE id IN (
              SELECT id FROM mail_jobs
               WHERE (status = 'pending' AND run_at <= now())
                  OR (status = 'sending' AND locked_at < now() - make_interval(secs => $3))
               ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          AND (status = 'pending' OR locked_at < now() - make_interval(secs => $3))
        RETURNING ${JOB}`,
      [node, limit, MAIL_LEASE_SECONDS],
    );
  },

  /** Records a successful send; false when this node no longer holds the job. */
  async markSent(db: Queryable, id: number, node: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE mail_jobs SET status = 'sent', sent_at = now(), last_error = NULL,
              body_text = CASE WHEN kind = 'account' THEN '' ELSE body_text END
        WHERE id = $1 AND status = 'sending' AND locked_by = $2 RETURNING id`,
      [id, node],
    );
    return rows.length === 1;
  },

  /** A failed attempt: retried at `retryAt`, or given up (status failed) when retryAt is null. */
  async markFailed(
    db: Queryable,
    id: number,
    node: string,
    error: string,
    retryAt: Date | null,
  ): Promise<void> {
    await db.query(
      `UPDATE mail_jobs SET status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              run_at = COALESCE($4::timestamptz, run_at), last_error = $3, locked_by = NULL, locked_at = NULL
        WHERE id = $1 AND status = 'sending' AND locked_by = $2`,
      [id, node, error.slice(0, 1000), retryAt],
    );
  },

  async recordDelivery(
    db: Queryable,
    d: {
      jobId: number;
      attempt: number;
      node: string;
      ok: boolean;
      response: string | null;
      messageId: string | null;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO mail_deliveries (job_id, attempt, node, ok, response, message_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [d.jobId, d.attempt, d.node, d.ok, d.response?.slice(0, 1000) ?? null, d.messageId],
    );
  },

  async list(db: Queryable, filter: { status?: MailJobStatus; limit?: number }): Promise<MailJobSummary[]> {
    return db.query<MailJobSummary>(
      `SELECT ${JOB}, status, last_error AS "lastError", sent_at AS "sentAt", created_at AS "createdAt"
         FROM mail_jobs WHERE ($1::text IS NULL OR status = $1) ORDER BY id DESC LIMIT $2`,
      [filter.status ?? null, filter.limit ?? 100],
    );
  },

  async counts(db: Queryable): Promise<Record<MailJobStatus, number>> {
    const rows = await db.query<{ status: MailJobStatus; n: number }>(
      'SELECT status, count(*)::int AS n FROM mail_jobs GROUP BY status',
    );
    const out: Record<MailJobStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  },

  async deliveries(
    db: Queryable,
    jobId: number,
  ): Promise<{ attempt: number; node: string; ok: boolean; response: string | null; at: Date }[]> {
    return db.query(
      `SELECT attempt, node, ok, response, at FROM mail_deliveries WHERE job_id = $1 ORDER BY id`,
      [jobId],
    );
  },
};
