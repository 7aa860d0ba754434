import type { Db } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { feedbackRepository, type FeedbackRow } from '../../../db/repositories/feedback.repository.ts';

export type { FeedbackRow };
import { rateLimitRepository } from '../../../db/repositories/rate-limits.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import {
  addWorkingDays,
  type FeedbackStatus,
  DEFAULT_REPLY_WORKING_DAYS,
  FEEDBACK_LIMITS,
  maskPersonalNumbers,
  medianHours,
  type FeedbackTarget,
} from '../../../domain/feedback.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notifyCommentRouted, recordAnswer } from '../comment-desk/comment-desk.service.ts';
import { authorize, can, departmentScope } from '../../policies/policy.ts';
import { formTokensRepository } from '../../../db/repositories/form-tokens.repository.ts';
import {
  challengeSignature,
  checkChallenge,
  clientHash,
  installationSecret,
  MAX_FILL_SECONDS,
} from './anti-bot.ts';

export const RATE_LIMITS = {
  /** Posts a client may make (accepted or not) within the window. */
  perClient: { hits: 5, windowSeconds: 600 },
  /** Distinct clients whose comments an item accepts within the window; those already in may go on. */
  perItem: { clients: 30, windowSeconds: 3600 },
} as const;

const STATUS_ZH: Record<FeedbackStatus, string> = {
  pending: '尚待审核',
  published: '已发布',
  rejected: '已不予公开',
};

const tooMany = () =>
  new LantuError('rate_limited', {
    zh: '提交过于频繁，请稍后再试',
    en: 'Too many comments; try again later',
  });

export interface NewFeedback {
  targetType: FeedbackTarget;
  targetId: string;
  body: string;
  name?: string | null;
  contact?: string | null;
  challenge: string;
  /** Honeypot: a field people never see; bots fill it in. */
  website?: string | null;
}

export function replyWorkingDays(): number {
  const n = Number(process.env.LANTU_REPLY_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_REPLY_WORKING_DAYS;
}

/** A visitor's comment: checked, rate-limited, stored as pending for moderation. */
export async function submitFeedback(
  db: Db,
  input: NewFeedback,
  client: string,
): Promise<{ id: string; status: 'pending' }> {
  const body = input.body.trim();
  if (body.length === 0)
    throw new LantuError('validation_failed', { zh: '意见内容为空', en: 'The comment is empty' });
  if (body.length > FEEDBACK_LIMITS.body) {
    throw new LantuError('validation_failed', {
      zh: `意见不超过${FEEDBACK_LIMITS.body}字`,
      en: `A comment has at most ${FEEDBACK_LIMITS.body} characters`,
    });
  }
  const secret = await installationSecret(db);
  const verdict = checkChallenge(secret, input.challenge);
  if (input.website?.trim() || verdict !== 'ok') {
    const why =
      verdict === 'too_fast'
        ? 'sent too fast'
        : verdict === 'expired'
          ? 'the form has expired; reload it'
          : 'the form check failed';
    throw new LantuError('bad_request', {
      zh: '提交未通过校验，请刷新页面后重试',
      en: `Comment refused: ${why}`,
    });
  }
  // Single use: a form sent twice (a replay, a double click) posts one comment.
  if (!(await formTokensRepository.consume(db, challengeSignature(input.challenge), MAX_FILL_SECONDS)))
    throw new LantuError('conflict', {
      zh: '此表单已提交过，如需再提意见请重新发送',
      en: 'This form has already been sent; send it again to post another comment',
    });
  const target = await feedbackRepository.findTarget(db, input.targetType, input.targetId);
  if (!target) throw notFound(input.targetType, input.targetId);
  const who = clientHash(secret, client);
  const byClient = await rateLimitRepository.hit(db, `fb:client:${who}`, RATE_LIMITS.perClient.windowSeconds);
  if (byClient > RATE_LIMITS.perClient.hits) throw tooMany();
  // The item's limit counts accepted comments only (the stored rows), each client once: refused posts and one
  // persistent client can never close commenting on an item for everyone else.
  const item = await feedbackRepository.recentCommenters(
    db,
    input.targetType,
    input.targetId,
    RATE_LIMITS.perItem.windowSeconds,
    who,
  );
  if (item.clients >= RATE_LIMITS.perItem.clients && !item.includesClient) throw tooMany();
  const id = await feedbackRepository.insert(db, {
    targetType: input.targetType,
    targetId: input.targetId,
    planId: target.planId,
    body,
    name: input.name?.trim().slice(0, FEEDBACK_LIMITS.name) || null,
    contact: input.contact?.trim().slice(0, FEEDBACK_LIMITS.contact) || null,
    clientHash: who,
    departmentId: target.leadDepartmentId,
  });
  return { id, status: 'pending' };
}

export async function moderateFeedback(
  db: Db,
  admin: SessionUser,
  id: string,
  decision: { action: 'publish'; departmentCode?: string | null } | { action: 'reject'; reason: string },
): Promise<FeedbackRow> {
  const current = await feedbackRepository.find(db, id);
  if (!current) throw notFound('Comment', id);
  if (current.status !== 'pending')
    throw new LantuError('conflict', {
      zh: `这条意见${STATUS_ZH[current.status]}，不能再次审核`,
      en: `This comment is already ${current.status}`,
    });
  let departmentId: string | null = current.departmentId;
  if (decision.action === 'publish' && decision.departmentCode) {
    const dep = (await departmentsRepository.list(db)).find((d) => d.code === decision.departmentCode);
    if (!dep)
      throw new LantuError('validation_failed', {
        zh: `部门代码 ${decision.departmentCode} 不存在`,
        en: `Unknown department ${decision.departmentCode}`,
      });
    departmentId = dep.id;
  }
  if (decision.action === 'publish' && !departmentId) {
    throw new LantuError('validation_failed', {
      zh: '请指定答复部门',
      en: 'No department is responsible for this item; choose the one that must reply',
    });
  }
  const replyDueAt = decision.action === 'publish' ? addWorkingDays(new Date(), replyWorkingDays()) : null;
  await db.transaction(async (tx) => {
    const ok = await feedbackRepository.moderate(tx, id, {
      status: decision.action === 'publish' ? 'published' : 'rejected',
      publicBody: decision.action === 'publish' ? maskPersonalNumbers(current.body) : null,
      rejectReason: decision.action === 'reject' ? decision.reason.trim() : null,
      by: admin.id,
      replyDueAt,
      departmentId,
    });
    if (!ok)
      throw new LantuError('conflict', {
        zh: '这条意见刚被其他人审核过，请刷新后查看',
        en: 'This comment was moderated by someone else meanwhile',
      });
    await recordAudit(tx, admin, decision.action, 'feedback', id, {
      before: { status: 'pending' },
      after:
        decision.action === 'publish'
          ? { status: 'published', departmentId }
          : { status: 'rejected', reason: decision.reason },
    });
    if (decision.action === 'publish')
      await notifyCommentRouted(tx, { id, departmentId, replyDueAt }, admin.id);
    await dataChanged(tx);
  });
  return (await feedbackRepository.find(db, id))!;
}

/** The department a comment was routed to answers it; the reply is published under the comment. */
export async function replyToFeedback(
  db: Db,
  user: SessionUser,
  id: string,
  body: string,
): Promise<FeedbackRow> {
  const current = await feedbackRepository.find(db, id);
  if (!current) throw notFound('Comment', id);
  if (current.status !== 'published')
    throw new LantuError('conflict', {
      zh: '只能答复已发布的意见',
      en: 'Only published comments are answered',
    });
  if (current.reply)
    throw new LantuError('conflict', {
      zh: '这条意见已经答复过了',
      en: 'This comment has been answered already',
    });
  authorize(user, 'reply', 'comment', current);
  await recordAnswer(db, user, current, body, 'reply');
  return (await feedbackRepository.find(db, id))!;
}

/**
 * The office and assessors see every comment (the moderation queue); a department the comments routed to
 * it, published ones unless another status is asked for. Contact details are for the moderators only.
 */
export async function listFeedback(
  db: Db,
  user: SessionUser,
  status: FeedbackStatus | undefined,
): Promise<FeedbackRow[]> {
  const scope = departmentScope(user);
  const rows = scope.all
    ? await feedbackRepository.list(db, status ? { status } : {})
    : (
        await Promise.all(
          scope.departmentIds.map((departmentId) =>
            feedbackRepository.list(db, { status: status ?? 'published', departmentId }),
          ),
        )
      ).flat();
  return rows.map((r) => seenBy(user, r));
}

/**
 * A comment as `user` may see it: moderators the raw text and the contact; everyone else (departments,
 * assessors) the text with personal numbers masked and no contact — whatever the comment's status.
 */
export function seenBy(user: SessionUser, row: FeedbackRow): FeedbackRow {
  const raw = can(user, 'moderateComments', 'office');
  const contact = can(user, 'seeCommentContacts', 'office');
  if (raw && contact) return row;
  return {
    ...row,
    body: raw ? row.body : maskPersonalNumbers(row.body),
    contact: contact ? row.contact : null,
  };
}

/** Published comments whose reply is overdue, most overdue first, as `user` may see them. */
export const overdueFeedback = async (db: Db, user: SessionUser, now = new Date()): Promise<FeedbackRow[]> =>
  (await feedbackRepository.overdue(db, now)).map((r) => seenBy(user, r));

export interface DepartmentReplyStats {
  department: string;
  routed: number;
  replied: number;
  replyRate: number;
  medianReplyHours: number | null;
}

export async function replyStats(db: Db): Promise<DepartmentReplyStats[]> {
  return (await feedbackRepository.replyStats(db)).map((r) => ({
    department: r.name,
    routed: r.routed,
    replied: r.replied,
    replyRate: r.routed === 0 ? 0 : Math.round((r.replied / r.routed) * 1000) / 1000,
    medianReplyHours: medianHours(r.delaysMs),
  }));
}
