import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { clientKey } from '../../auth/session.middleware.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';
import { installationSecret, issueChallenge } from '../feedback/anti-bot.ts';
import { replyStats, submitFeedback } from '../feedback/feedback.service.ts';
import { publicOrigin } from '../portal/portal.links.ts';
import { itemFeed, publicComments, repliesFeed } from './public-feedback.service.ts';
import { cachedBody, cachedValue, notModified } from './public-http.ts';
import {
  feedbackBodySchema,
  feedbackListQuery,
  publishedFeedbackSchema,
  replyStatsSchema,
} from './public.schemas.ts';

const atom = (d: string) => ({ description: d, content: { 'application/atom+xml': { schema: z.string() } } });
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** Citizens' comments in the public API: the form token, posting, the published list, reply rates, feeds. */
export const publicFeedbackRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback/challenge',
    tags: ['public'],
    summary: 'A form token for posting a comment (anti-bot)',
    responses: { 200: json(z.object({ challenge: z.string() }), 'Valid once, from 3 s to 1 h after issue') },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ challenge: issueChallenge(await installationSecret(c.var.deps.db)) }, 200);
  },
);

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/feedback',
    tags: ['public'],
    summary: 'Post a comment (moderated before publication) 提交监督意见',
    request: { body: { content: { 'application/json': { schema: feedbackBodySchema } }, required: true } },
    responses: {
      202: json(z.object({ id: z.uuid(), status: z.literal('pending') }), 'Received; shown after moderation'),
      400: err('Failed the form check'),
      404: err('No such item'),
      409: err('This form token was already used (each is single-use)'),
      422: err('Invalid comment'),
      429: err('Too many comments'),
    },
  }),
  async (c) => c.json(await submitFeedback(c.var.deps.db, c.req.valid('json'), clientKey(c)), 202),
);

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback',
    tags: ['public'],
    summary: 'Published comments with their replies 已公开意见及答复',
    request: { query: feedbackListQuery },
    responses: {
      200: json(z.object({ items: z.array(publishedFeedbackSchema) }), 'Newest first'),
      304: notModified,
    },
  }),
  (c) => {
    const q = c.req.valid('query');
    return cachedValue(c, `feedback:${q.targetType ?? ''}:${q.targetId ?? ''}`, async () => ({
      items: await publicComments(c.var.deps.db, q),
    }));
  },
);

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback/stats',
    tags: ['public'],
    summary: "Each department's reply rate and median reply time 部门答复率",
    responses: { 200: json(replyStatsSchema, 'Per department'), 304: notModified },
  }),
  (c) => cachedValue(c, 'feedback-stats', async () => ({ items: await replyStats(c.var.deps.db) })),
);

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feeds/replies.atom',
    tags: ['public'],
    summary: 'Atom feed of all official replies',
    responses: { 200: atom('Newest first'), 304: notModified },
  }),
  (c) => cachedBody(c, 'feed:replies', () => repliesFeed(c.var.deps.db, publicOrigin(c)), ATOM_TYPE),
);

publicFeedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feeds/{targetType}/{id}',
    tags: ['public'],
    summary: 'Atom feed of the comments and replies on one item',
    request: {
      params: z.object({
        targetType: z
          .enum(['node', 'indicator', 'project'])
          .openapi({ param: { name: 'targetType', in: 'path' } }),
        id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
      }),
    },
    responses: { 200: atom('Newest first'), 304: notModified },
  }),
  (c) => {
    const { targetType, id } = c.req.valid('param');
    return cachedBody(
      c,
      `feed:${targetType}:${id}`,
      () => itemFeed(c.var.deps.db, publicOrigin(c), targetType, id),
      ATOM_TYPE,
    );
  },
);
