import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { mailJobsRepository, type MailJobStatus } from '../../../db/repositories/mail-jobs.repository.ts';
import {
  notificationsRepository,
  type NotificationRow,
  type Recipient,
} from '../../../db/repositories/notifications.repository.ts';
import {
  composeDigestMail,
  composeSingleMail,
  renderNotification,
  type MailMode,
  type NotificationEvent,
  type NotificationLocale,
  type NotificationParams,
} from '../../../domain/notification.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { mailEnabled, publicBaseUrl } from './mail.config.ts';
import { iso } from '../../timestamps.ts';

export interface NotifyInput {
  event: NotificationEvent;
  params: NotificationParams;
  /** A workspace path, e.g. `/inbox?tab=comments`. */
  link: string | null;
  to: { departmentIds?: readonly (string | null)[]; office?: boolean; userIds?: readonly string[] };
  /** Notify each user once per key (sweeps run on every node and every minute). */
  dedupeKey?: string | null;
  /** The user who caused the event is not told about it. */
  exceptUserId?: string | null;
}

export const localeOf = (l: string): NotificationLocale => (l === 'en' ? 'en' : 'zh-CN');

/**
 * Tells the responsible users: a notification each in the workspace, and in the same transaction a mail job
 * for those who want one mail per event (when e-mail is configured). Returns how many users were notified.
 */
export async function notify(tx: Queryable, input: NotifyInput): Promise<number> {
  const departmentIds = (input.to.departmentIds ?? []).filter((d): d is string => !!d);
  const recipients = (
    await notificationsRepository.recipients(tx, {
      departmentIds,
      office: input.to.office ?? false,
      userIds: input.to.userIds ?? [],
    })
  ).filter((r) => r.id !== input.exceptUserId);
  let notified = 0;
  for (const r of recipients) {
    const id = await notificationsRepository.insert(tx, {
      userId: r.id,
      event: input.event,
      params: input.params,
      link: input.link,
      dedupeKey: input.dedupeKey ?? null,
    });
    if (!id) continue;
    notified++;
    if (r.mailMode === 'instant' && mailEnabled()) await enqueueSingle(tx, r, id, input);
  }
  return notified;
}

async function enqueueSingle(tx: Queryable, r: Recipient, notificationId: string, n: NotifyInput) {
  const locale = localeOf(r.locale);
  const mail = composeSingleMail(
    { ...renderNotification(n.event, n.params, locale), link: n.link },
    publicBaseUrl(),
    locale,
  );
  const jobId = await mailJobsRepository.enqueue(tx, {
    kind: 'single',
    userId: r.id,
    recipient: r.email,
    subject: mail.subject,
    bodyText: mail.text,
    dedupeKey: `n:${notificationId}`,
  });
  if (jobId !== null) await notificationsRepository.setMailJob(tx, [notificationId], jobId);
}

/** The local calendar day of `now` as YYYY-MM-DD (digests are daily). */
export function localDay(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** From this local hour on, the day's digest is sent (LANTU_DIGEST_HOUR, default 8). */
export function digestHour(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LANTU_DIGEST_HOUR);
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : 8;
}

/**
 * One mail a day for users who chose the digest: every notification not mailed yet. Safe to run on every
 * node at once: the job's key is the user and the day, and the notifications are claimed by the same statement's transaction.
 */
export async function enqueueDigests(db: Db, now: Date): Promise<number> {
  if (!mailEnabled() || now.getHours() < digestHour()) return 0;
  const day = localDay(now);
  return db.transaction(async (tx) => {
    let queued = 0;
    for (const u of await notificationsRepository.digestBacklog(tx, now)) {
      if (u.items.length === 0) continue;
      const locale = localeOf(u.locale);
      const mail = composeDigestMail(
        u.items.map((i) => ({ ...renderNotification(i.event, i.params, locale), link: i.link })),
        publicBaseUrl(),
        locale,
        day,
      );
      const jobId = await mailJobsRepository.enqueue(tx, {
        kind: 'digest',
        userId: u.id,
        recipient: u.email,
        subject: mail.subject,
        bodyText: mail.text,
        dedupeKey: `digest:${u.id}:${day}`,
      });
      if (jobId === null) continue; // another node sent today's digest already; the rest wait for tomorrow
      await notificationsRepository.setMailJob(
        tx,
        u.items.map((i) => i.id),
        jobId,
      );
      queued++;
    }
    return queued;
  });
}

export interface PresentedNotification {
  id: string;
  event: NotificationEvent;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export function presentNotification(n: NotificationRow, locale: string): PresentedNotification {
  const text = renderNotification(n.event, n.params, localeOf(locale));
  return {
    id: n.id,
    event: n.event,
    ...text,
    link: n.link,
    createdAt: iso(n.createdAt),
    read: n.readAt !== null,
  };
}

export async function listMyNotifications(
  db: Queryable,
  user: SessionUser,
  q: { unreadOnly: boolean; limit: number; before: Date | null },
): Promise<{ items: PresentedNotification[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    notificationsRepository.list(db, user.id, q),
    notificationsRepository.unreadCount(db, user.id),
  ]);
  return { items: rows.map((n) => presentNotification(n, user.locale)), unread };
}

export const unreadCount = (db: Queryable, user: SessionUser): Promise<number> =>
  notificationsRepository.unreadCount(db, user.id);

/** Marks one of the user's notifications (or all, with id null) read; another user's is answered as missing. */
export async function markMyNotificationsRead(
  db: Queryable,
  user: SessionUser,
  id: string | null,
): Promise<{ marked: number; unread: number }> {
  if (id !== null && !(await notificationsRepository.exists(db, user.id, id)))
    throw notFound('Notification', id);
  const marked = await notificationsRepository.markRead(db, user.id, id);
  return { marked, unread: await notificationsRepository.unreadCount(db, user.id) };
}

export async function mailPreferences(
  db: Queryable,
  user: SessionUser,
): Promise<{ mail: MailMode; mailConfigured: boolean }> {
  return { mail: await notificationsRepository.mailMode(db, user.id), mailConfigured: mailEnabled() };
}

export async function setMailPreferences(
  db: Db,
  user: SessionUser,
  mail: MailMode,
): Promise<{ mail: MailMode; mailConfigured: boolean }> {
  await db.transaction(async (tx) => {
    const before = await notificationsRepository.mailMode(tx, user.id);
    await notificationsRepository.setMailMode(tx, user.id, mail);
    await recordAudit(tx, user, 'update', 'user', user.id, { before: { mail: before }, after: { mail } });
  });
  return { mail, mailConfigured: mailEnabled() };
}

/** The outgoing mail queue for the planning office: counts by state and the latest jobs. */
export async function mailQueue(db: Queryable, status: MailJobStatus | undefined) {
  const [counts, rows] = await Promise.all([
    mailJobsRepository.counts(db),
    mailJobsRepository.list(db, { ...(status ? { status } : {}), limit: 100 }),
  ]);
  const items = rows.map((j) => ({
    id: j.id,
    kind: j.kind,
    recipient: j.recipient,
    subject: j.subject,
    status: j.status,
    attempts: j.attempts,
    lastError: j.lastError,
    sentAt: iso(j.sentAt),
    createdAt: iso(j.createdAt),
  }));
  return { counts, items };
}
