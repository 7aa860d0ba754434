/** Published comments for the public: the JSON list, the portal's blocks and the Atom feeds. */
import type { Queryable } from '../../../db/db.types.ts';
import { feedbackRepository, type FeedbackRow } from '../../../db/repositories/feedback.repository.ts';
import type { FeedbackTarget } from '../../../domain/feedback.ts';
import { commentAnchor, itemPagePath } from '../portal/portal.links.ts';
import { atomFeed } from './atom.ts';
import { iso } from '../../timestamps.ts';

/** An entry's link: the item's public page at the comment, absolute (feed readers have no base address). */
const entryLink = (origin: string, f: FeedbackRow) =>
  `${origin}${itemPagePath(f.targetType, f.targetId)}#${commentAnchor(f.id)}`;

/** Published comments, newest first; on one item when a target is given. */
export function publishedComments(
  db: Queryable,
  on: { targetType?: FeedbackTarget; targetId?: string } = {},
): Promise<FeedbackRow[]> {
  return feedbackRepository.list(db, { status: 'published', ...on });
}

/** What the public sees of a published comment: the masked text, never the contact or the client. */
export async function publicComments(db: Queryable, on: { targetType?: FeedbackTarget; targetId?: string }) {
  const rows = await publishedComments(db, on);
  return rows.map((f) => ({
    id: f.id,
    body: f.publicBody ?? '',
    name: f.name,
    createdAt: iso(f.createdAt),
    reply: f.reply
      ? {
          body: f.reply.body,
          createdAt: iso(f.reply.createdAt),
          departmentName: f.reply.departmentName,
        }
      : null,
  }));
}

/** Atom feed of every official reply. */
export async function repliesFeed(db: Queryable, origin: string): Promise<string> {
  const rows = (await publishedComments(db)).filter((f) => f.reply);
  return atomFeed({
    id: 'urn:lantu:replies',
    title: '蓝图 lantu — 部门答复 official replies',
    link: `${origin}/public/feedback`,
    entries: rows.map((f) => ({
      id: f.id,
      title: `${f.reply!.departmentName} 答复`,
      updated: new Date(f.reply!.createdAt),
      content: `意见：${f.publicBody ?? ''}\n答复：${f.reply!.body}`,
      link: entryLink(origin, f),
    })),
  });
}

/** Atom feed of the comments and replies on one item. */
export async function itemFeed(
  db: Queryable,
  origin: string,
  targetType: FeedbackTarget,
  id: string,
): Promise<string> {
  const rows = await publishedComments(db, { targetType, targetId: id });
  return atomFeed({
    id: `urn:lantu:${targetType}:${id}`,
    title: '蓝图 lantu — 监督意见 comments',
    link: `${origin}${itemPagePath(targetType, id)}`,
    entries: rows.map((f) => ({
      id: f.id,
      title: f.reply ? '意见及答复 comment and reply' : '意见 comment',
      updated: new Date(f.reply?.createdAt ?? f.moderatedAt ?? f.createdAt),
      content: f.reply
        ? `${f.publicBody ?? ''}\n答复（${f.reply.departmentName}）：${f.reply.body}`
        : (f.publicBody ?? ''),
      link: entryLink(origin, f),
    })),
  });
}
