import type { Context } from 'hono';
import type { FeedbackTarget } from '../../../domain/feedback.ts';
import type { AppEnv } from '../../app-env.ts';
import { publicBaseUrl } from '../notifications/mail.config.ts';

/** The portal page of a commentable item: where its comment form posts back to and feeds link to. */
export function itemPagePath(type: FeedbackTarget, id: string): string {
  const section = type === 'project' ? 'projects' : type === 'indicator' ? 'indicators' : 'nodes';
  return `/public/${section}/${id}`;
}

/** The anchor of one published comment on its item's page. */
export const commentAnchor = (feedbackId: string): string => `fb-${feedbackId}`;

/**
 * Where browsers reach lantu, for absolute links (feeds): LANTU_PUBLIC_URL, else the address the node listens
 * on. Never the request's Host header: feeds are cached and replayed to everyone.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const configured = c.var.deps.edge?.publicUrl;
  return (configured ? configured.href : publicBaseUrl()).replace(/\/+$/, '');
}
