/**
 * What the comment desk shows (issue 16 §1) — the moderation queue and the departments' 待办 — as the API
 * answers it and the workspace reads it: one definition for the server's service and the web client.
 */
import type { DueLight } from './due-light.ts';
import type { FeedbackReplyKind } from './feedback.ts';
import type { FeedbackTarget } from './feedback.ts';

/** A comment as both lists show it: what it is on (the target's type, id and title). */
export interface CommentOnTarget {
  id: string;
  targetType: FeedbackTarget;
  targetId: string;
  targetTitle: string | null;
}

/** A pending comment with what a moderator needs to decide. */
export interface ModerationQueueItem extends CommentOnTarget {
  body: string;
  name: string | null;
  contact: string | null;
  createdAt: string;
  department: { code: string; name: string } | null;
  /** No lead department: the moderator must choose who replies before publishing. */
  needsDepartment: boolean;
  sameClient: { id: string; status: string; body: string; createdAt: string }[];
}

/** A department's reply or follow-up to a published comment. */
export interface DeskReplyItem {
  id: string;
  kind: FeedbackReplyKind;
  body: string;
  createdAt: string;
  departmentName: string;
  author: string | null;
}

/** A published comment to answer, with its deadline light. */
export interface CommentTodoItem extends CommentOnTarget {
  /** What was published (personal numbers masked); the raw text stays with the moderators. */
  body: string;
  name: string | null;
  departmentName: string | null;
  publishedAt: string | null;
  replyDueAt: string | null;
  light: DueLight;
  /** Working days left until the reply is due (negative when overdue); null once answered. */
  workingDaysLeft: number | null;
  replies: DeskReplyItem[];
}
