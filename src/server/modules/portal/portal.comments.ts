import type { FeedbackRow } from '../../../db/repositories/feedback.repository.ts';
import { FEEDBACK_LIMITS, type FeedbackTarget } from '../../../domain/feedback.ts';
import { escapeHtml as e } from '../../html.ts';
import { t, type Lang } from './portal.i18n.ts';
import { commentAnchor, itemPagePath } from './portal.links.ts';
import { localDay } from '../../../domain/time.ts';
import { timeZone } from '../../time-zone.ts';

/**
 * Where an item page's comment form goes. The cached page carries only this marker; the form (its message, the
 * citizen's text after a refusal, the token) is drawn per request, so no query parameter bypasses the cache.
 * Visitors' text can never produce it: everything they type is escaped (`<` becomes `&lt;`).
 */
export const FORM_SLOT = /<!--lantu:form:(node|indicator|project):([0-9a-f-]{36})-->/;
const formSlot = (type: FeedbackTarget, id: string) => `<!--lantu:form:${type}:${id}-->`;

/**
 * Published comments with their replies. `withItem`: lists that mix items (the 监督意见 page) say which item each
 * comment is about, linked to its page. Dates are the local day (Asia/Shanghai), not UTC's.
 */
export function commentList(lang: Lang, comments: FeedbackRow[], withItem = false): string {
  const item = (f: FeedbackRow) =>
    withItem
      ? `<p class="meta">${e(t(lang, 'about'))}<a href="${e(itemPagePath(f.targetType, f.targetId))}">${e(f.targetName ?? '—')}</a></p>`
      : '';
  return comments.length
    ? `<ol class="comments">${comments
        .map(
          (
            f,
          ) => `<li id="${e(commentAnchor(f.id))}">${item(f)}<p>${e(f.publicBody ?? '')}</p><p class="meta">${e(f.name ?? '—')} · ${e(localDay(new Date(f.createdAt), timeZone()))}</p>
${f.reply ? `<div class="reply"><p><strong>${e(t(lang, 'reply'))}（${e(f.reply.departmentName)}）</strong></p><p>${e(f.reply.body)}</p></div>` : `<p class="meta">${e(t(lang, 'awaitingReply'))}</p>`}</li>`,
        )
        .join('')}</ol>`
    : `<p>${e(t(lang, 'noComments'))}</p>`;
}

export const FORM_ERRORS = [
  'bad_request',
  'validation_failed',
  'rate_limited',
  'not_found',
  'conflict',
] as const;
export type FormError = (typeof FORM_ERRORS)[number];

const FORM_ERROR_TEXT: Record<FormError, { zh: string; en: string }> = {
  bad_request: {
    zh: '提交未通过校验，请稍候片刻后重新提交。',
    en: 'The form check failed; wait a moment and send again.',
  },
  validation_failed: { zh: '意见内容为空或过长。', en: 'The comment is empty or too long.' },
  rate_limited: { zh: '提交过于频繁，请稍后再试。', en: 'Too many comments; try again later.' },
  not_found: { zh: '该事项不存在。', en: 'This item does not exist.' },
  conflict: {
    zh: '此表单已提交过一次。您的内容保留在下方；如需再提一条意见，请重新发送。',
    en: 'This form was already sent once. Your text is kept below; send again to post another comment.',
  },
};

/** What the form shows on this request: the thank-you, a refusal, and what the citizen had typed. */
export interface FormState {
  sent: boolean;
  error: FormError | null;
  values: { body: string; name: string; contact: string };
}

export const EMPTY_FORM: FormState = {
  sent: false,
  error: null,
  values: { body: '', name: '', contact: '' },
};

/** The published comments of an item and the place of its form (filled per request by commentForm). */
export function commentsBlock(
  lang: Lang,
  target: { type: FeedbackTarget; id: string },
  comments: FeedbackRow[],
): string {
  return `<section aria-labelledby="comments"><h2 id="comments">${e(t(lang, 'comments'))}</h2>${commentList(lang, comments)}
${formSlot(target.type, target.id)}</section>`;
}

export function commentForm(
  lang: Lang,
  target: { type: FeedbackTarget; id: string },
  state: FormState,
  challenge: string,
): string {
  const v = state.values;
  return `<h3>${e(t(lang, 'postComment'))}</h3>${state.sent ? `<p class="notice" role="status">${e(t(lang, 'sent'))}</p>` : ''}${state.error ? `<p class="error" role="alert">${e(FORM_ERROR_TEXT[state.error][lang])}</p>` : ''}
<form method="post" action="/public/feedback"><input type="hidden" name="targetType" value="${e(target.type)}"><input type="hidden" name="targetId" value="${e(target.id)}">
<input type="hidden" name="challenge" value="${e(challenge)}">
<p><label for="fb-body">${e(t(lang, 'commentBody'))}</label><textarea id="fb-body" name="body" required maxlength="${FEEDBACK_LIMITS.body}" rows="4">${e(v.body)}</textarea></p>
<p><label for="fb-name">${e(t(lang, 'nameOptional'))}</label><input id="fb-name" name="name" maxlength="${FEEDBACK_LIMITS.name}" autocomplete="nickname" value="${e(v.name)}"></p>
<p><label for="fb-contact">${e(t(lang, 'contactOptional'))}</label><input id="fb-contact" name="contact" maxlength="${FEEDBACK_LIMITS.contact}" autocomplete="email" value="${e(v.contact)}"></p>
<p class="hp" aria-hidden="true"><label for="fb-website">${e(t(lang, 'honeypot'))}</label><input id="fb-website" name="website" tabindex="-1" autocomplete="off"></p>
<p class="meta">${e(t(lang, 'moderationNote'))}</p><p><button type="submit">${e(t(lang, 'send'))}</button></p></form>`;
}
