import type { Queryable } from '../db.types.ts';
import type { MailMode, NotificationEvent, NotificationParams } from '../../domain/notification.ts';

export interface NotificationRow {
  id: string;
  userId: string;
  event: NotificationEvent;
  params: NotificationParams;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface Recipient {
  id: string;
  email: string;
  locale: string;
  mailMode: MailMode;
}

const COLUMNS = `id, user_id AS "userId", event, params, link, created_at AS "createdAt", read_at AS "readAt"`;
const RECIPIENT = `u.id, u.email, u.locale, u.mail_mode AS "mailMode"`;

export const notificationsRepository = {
  /**
   * Active users of these departments, plus the planning office (admins) when `office` is set.
   * Disabled accounts get nothing.
   */
  async recipients(
    db: Queryable,
    to: { departmentIds?: readonly string[]; office?: boolean; userIds?: readonly string[] },
  ): Promise<Recipient[]> {
    return db.query<Recipient>(
      `SELECT DISTINCT ${RECIPIENT} FROM users u
        WHERE u.disabled_at IS NULL AND (
              u.id = ANY($1::uuid[])
           OR ($2::boolean AND u.role = 'admin')
           OR (u.role = 'department' AND EXISTS (
                 SELECT 1 FROM user_departments ud WHERE ud.user_id = u.id AND ud.department_id = ANY($3::uuid[]))))
        ORDER BY u.email`,
      [to.userIds ?? [], to.office ?? false, to.departmentIds ?? []],
    );
  },

  /** Inserts one notification; a repeated dedupe key for the same user is ignored (returns null). */
  async insert(
    db: Queryable,
    n: {
      userId: string;
      event: NotificationEvent;
      params: NotificationParams;
      link: string | null;
      dedupeKey: string | null;
    },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO notifications (user_id, event, params, link, dedupe_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [n.userId, n.event, JSON.stringify(n.params), n.link, n.dedupeKey],
    );
    return rows[0]?.id ?? null;
  },

  async setMailJob(db: Queryable, ids: readonly string[], jobId: number): Promise<void> {
    await db.query('UPDATE notifications SET mail_job_id = $2 WHERE id = ANY($1::uuid[])', [ids, jobId]);
  },

  async list(
    db: Queryable,
    userId: string,
    opts: { unreadOnly?: boolean; limit?: number; before?: Date | null },
  ): Promise<NotificationRow[]> {
    return db.query<NotificationRow>(
      `SELECT ${COLUMNS} FROM notifications
        WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL) AND ($4::timestamptz IS NULL OR created_at < $4)
        ORDER BY created_at DESC, id LIMIT $3`,
      [userId, opts.unreadOnly ?? false, opts.limit ?? 50, opts.before ?? null],
    );
  },

  async unreadCount(db: Queryable, userId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0]?.n ?? 0;
  },

  /** Marks one (or, with id null, every) notification of the user read; returns how many changed. */
  async markRead(db: Queryable, userId: string, id: string | null): Promise<number> {
    const rows = await db.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2) RETURNING id`,
      [userId, id],
    );
    return rows.length;
  },

  async exists(db: Queryable, userId: string, id: string): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM notifications WHERE user_id = $1 AND id = $2', [userId, id]);
    return rows.length > 0;
  },

  /** Digest users with notifications not mailed yet, created before `before`. */
  async digestBacklog(
    db: Queryable,
    before: Date,
  ): Promise<(Recipient & { items: Pick<NotificationRow, 'id' | 'event' | 'params' | 'link'>[] })[]> {
    return db.query(
      `SELECT ${RECIPIENT},
              json_agg(json_build_object('id', n.id, 'event', n.event, 'params', n.params, 'link', n.link)
                       ORDER BY n.created_at) AS items
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.mail_job_id IS NULL AND n.created_at < $1 AND u.mail_mode = 'digest' AND u.disabled_at IS NULL
        GROUP BY u.id, u.email, u.locale, u.mail_mode`,
      [before],
    );
  },

  async setMailMode(db: Queryable, userId: string, mode: MailMode): Promise<void> {
    await db.query('UPDATE users SET mail_mode = $2 WHERE id = $1', [userId, mode]);
  },

  async mailMode(db: Queryable, userId: string): Promise<MailMode> {
    const rows = await db.query<{ mode: MailMode }>('SELECT mail_mode AS mode FROM users WHERE id = $1', [
      userId,
    ]);
    return rows[0]?.mode ?? 'instant';
  },
};
