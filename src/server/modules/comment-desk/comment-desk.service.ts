import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import {
  commentDeskRepository,
  type ReplyTemplateRow,
} from '../../../db/repositories/comment-desk.repository.ts';
import type { CommentTodoItem, ModerationQueueItem } from '../../../domain/comment-desk.ts';
import { feedbackRepository } from '../../../db/repositories/feedback.repository.ts';
import { dueLight, workingDaysUntil, YELLOW_WORKING_DAYS, type DueLight } from '../../../domain/due-light.ts';
import { LantuError } from '../../../domain/errors.ts';
import { addWorkingDays, FEEDBACK_LIMITS, type FeedbackReplyKind } from '../../../domain/feedback.ts';
import { isoDay } from '../../../domain/reporting-calendar.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { authorize, departmentScope } from '../../policies/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { iso } from '../../timestamps.ts';

export type QueueItem = ModerationQueueItem;

/** The moderation queue (planning office): pending comments with what a moderator needs to decide. */
export async function moderationQueue(db: Db, user: SessionUser): Promise<QueueItem[]> {
  authorize(user, 'moderateComments', 'office');
  return (await commentDeskRepository.moderationQueue(db)).map((r) => ({
    id: r.id,
    targetType: r.targetType,
    targetId: r.targetId,
    targetTitle: r.targetTitle,
    body: r.body,
    name: r.name,
    contact: r.contact,
    createdAt: iso(r.createdAt),
    department: r.departmentCode
      ? { code: r.departmentCode, name: r.departmentName ?? r.departmentCode }
      : null,
    needsDepartment: r.departmentId === null,
    sameClient: r.sameClient.map((o) => ({ ...o, createdAt: iso(o.createdAt) })),
  }));
}

export type TodoItem = CommentTodoItem;

/**
 * Comments to answer, with their deadline light: a department sees those routed to it, the planning office and
 * assessors all of them. Unanswered first, most urgent first.
 */
export async function commentTodo(db: Db, user: SessionUser, now = new Date()): Promise<TodoItem[]> {
  const scope = departmentScope(user);
  const rows = await commentDeskRepository.todo(db, scope.all ? null : scope.departmentIds);
  const order: Record<DueLight, number> = { red: 0, yellow: 1, green: 2, done: 3 };
  return rows
    .map((r) => {
      const answered = r.replies.some((x) => x.kind === 'reply');
      const due = r.replyDueAt ? new Date(r.replyDueAt) : null;
      return {
        id: r.id,
        targetType: r.targetType,
        targetId: r.targetId,
        targetTitle: r.targetTitle,
        body: r.publicBody ?? '',
        name: r.name,
        departmentName: r.departmentName,
        publishedAt: iso(r.moderatedAt),
        replyDueAt: iso(r.replyDueAt),
        light: dueLight(due, answered, now),
        workingDaysLeft: answered || !due ? null : workingDaysUntil(now, due),
        replies: r.replies.map((x) => ({ ...x, createdAt: iso(x.createdAt) })),
      };
    })
    .sort((a, b) => order[a.light] - order[b.light]);
}

/** After the official reply, the department may add follow-ups (进一步答复); each is published too. */
export async function followUp(db: Db, user: SessionUser, id: string, body: string): Promise<void> {
  const current = await feedbackRepository.find(db, id);
  if (!current) throw notFound('Comment', id);
  authorize(user, 'reply', 'comment', current);
  if (!current.reply)
    throw new LantuError('conflict', {
      zh: '请先答复',
      en: 'Reply first; a follow-up comes after the official reply',
    });
  await recordAnswer(db, user, current, body, 'follow_up');
}

/**
 * Records the department's official reply or a follow-up to a comment routed to it (the caller has checked it
 * may): 1 to FEEDBACK_LIMITS.body characters, audited as `reply` or `follow_up`, published data moved.
 */
export async function recordAnswer(
  db: Db,
  user: SessionUser,
  comment: { id: string; departmentId: string | null },
  body: string,
  kind: FeedbackReplyKind,
): Promise<void> {
  const own = user.departments.find((d) => d.id === comment.departmentId)!;
  const text = body.trim();
  if (!text || text.length > FEEDBACK_LIMITS.body)
    throw new LantuError('validation_failed', {
      zh: `答复须为 1—${FEEDBACK_LIMITS.body} 个字符`,
      en: `A reply has 1 to ${FEEDBACK_LIMITS.body} characters`,
    });
  await db.transaction(async (tx) => {
    await feedbackRepository.insertReply(tx, {
      feedbackId: comment.id,
      departmentId: own.id,
      userId: user.id,
      body: text,
      kind,
    });
    await recordAudit(tx, user, kind, 'feedback', comment.id, {
      before: null,
      after: { department: own.code },
    });
    await dataChanged(tx);
  });
}

/** Tells the department a comment now waits for its reply (called in the publishing transaction). */
export async function notifyCommentRouted(
  tx: Queryable,
  c: { id: string; departmentId: string | null; replyDueAt: Date | null },
  exceptUserId: string,
): Promise<void> {
  if (!c.departmentId) return;
  await notify(tx, {
    event: 'comment_routed',
    params: {
      item: (await commentDeskRepository.targetTitle(tx, c.id)) ?? '',
      due: c.replyDueAt ? isoDay(c.replyDueAt) : '',
    },
    link: `/comments?id=${c.id}`,
    to: { departmentIds: [c.departmentId] },
    dedupeKey: `comment_routed:${c.id}`,
    exceptUserId,
  });
}

/**
 * Reminders: a reply due within YELLOW_WORKING_DAYS working days (to the department), and an overdue one (to
 * the department and the planning office). Once per comment and kind, however often it runs.
 */
export async function commentDeadlineSweep(db: Db, now: Date): Promise<number> {
  const soon = addWorkingDays(now, YELLOW_WORKING_DAYS);
  const due = await commentDeskRepository.unansweredDueBefore(db, soon);
  let sent = 0;
  for (const c of due) {
    const overdue = new Date(c.replyDueAt).getTime() < now.getTime();
    sent += await db.transaction((tx) =>
      notify(tx, {
        event: overdue ? 'reply_overdue' : 'reply_due_soon',
        params: { item: c.targetTitle ?? '', due: isoDay(c.replyDueAt) },
        link: `/comments?id=${c.id}`,
        to: { departmentIds: [c.departmentId], office: overdue },
        dedupeKey: `${overdue ? 'reply_overdue' : 'reply_due_soon'}:${c.id}`,
      }),
    );
  }
  return sent;
}

export interface ReplyTemplate {
  id: string;
  department: string | null;
  departmentId: string | null;
  title: string;
  body: string;
  updatedAt: string;
}

const presentTemplate = (t: ReplyTemplateRow): ReplyTemplate => ({
  id: t.id,
  department: t.departmentName,
  departmentId: t.departmentId,
  title: t.title,
  body: t.body,
  updatedAt: iso(t.updatedAt),
});

/** A department sees its own templates and the shared ones; the office and assessors every template. */
export async function listReplyTemplates(db: Db, user: SessionUser): Promise<ReplyTemplate[]> {
  const scope = departmentScope(user);
  return (await commentDeskRepository.templates(db, scope.all ? null : scope.departmentIds)).map(
    presentTemplate,
  );
}

function checkTemplate(t: { title: string; body: string }): { title: string; body: string } {
  const title = t.title.trim();
  const body = t.body.trim();
  if (!title || !body)
    throw new LantuError('validation_failed', {
      zh: '模板需有标题和内容',
      en: 'A template needs a title and a text',
    });
  return { title, body };
}

/** Department users save templates for their department; admins save shared ones. */
export async function createReplyTemplate(
  db: Db,
  user: SessionUser,
  input: { title: string; body: string },
): Promise<ReplyTemplate> {
  const departmentId = user.role === 'department' ? (user.departments[0]?.id ?? null) : null;
  authorize(user, 'edit', 'replyTemplate', { departmentId });
  const t = checkTemplate(input);
  const id = await db.transaction(async (tx) => {
    const newId = await commentDeskRepository.insertTemplate(tx, { ...t, departmentId, createdBy: user.id });
    await recordAudit(tx, user, 'create', 'reply_template', newId, { before: null, after: t });
    return newId;
  });
  return presentTemplate((await commentDeskRepository.findTemplate(db, id))!);
}

export async function updateReplyTemplate(
  db: Db,
  user: SessionUser,
  id: string,
  input: { title: string; body: string } | null,
): Promise<ReplyTemplate | null> {
  const current = await commentDeskRepository.findTemplate(db, id);
  if (!current) throw notFound('Reply template', id);
  authorize(user, 'edit', 'replyTemplate', current);
  const t = input ? checkTemplate(input) : null;
  await db.transaction(async (tx) => {
    if (t) await commentDeskRepository.updateTemplate(tx, id, t);
    else await commentDeskRepository.deleteTemplate(tx, id);
    await recordAudit(tx, user, t ? 'update' : 'delete', 'reply_template', id, {
      before: { title: current.title, body: current.body },
      after: t,
    });
  });
  return t ? presentTemplate((await commentDeskRepository.findTemplate(db, id))!) : null;
}
