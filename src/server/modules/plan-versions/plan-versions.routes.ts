import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';
import { planIdParams, planSummarySchema } from '../plans/plans.schemas.ts';
import { listPlanVersions } from '../plans/plans.service.ts';
import { discardPlanDraft, publishPlanVersion, publishPreview } from './plan-versions.service.ts';
import { discardResultSchema, publishResultSchema, versionDiffSchema } from './plan-versions.schemas.ts';

export const planVersionsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

planVersionsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/versions',
    tags: ['plans'],
    summary: 'Every version of a plan, newest first (planning office) 规划版本',
    request: { params: planIdParams },
    responses: {
      200: ok(
        z.object({ items: z.array(planSummarySchema) }),
        'Versions labelled 第N版 · 草稿/已发布 · date',
      ),
      401: err('Not logged in'),
      403: err('Not the planning office'),
      404: err('No such plan'),
    },
  }),
  async (c) => {
    authorize(c.var.user, 'seePlanDrafts', 'office');
    return c.json({ items: await listPlanVersions(c.var.deps.db, c.req.valid('param').id) }, 200);
  },
);

planVersionsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/publish',
    tags: ['plans'],
    summary: 'What publishing this draft would carry over, add, remove and orphan 发布预览',
    request: { params: planIdParams },
    responses: {
      200: ok(versionDiffSchema, 'Compared with the published version of the same plan'),
      401: err('Not logged in'),
      403: err('Not the planning office'),
      404: err('No such plan'),
    },
  }),
  async (c) => {
    authorize(c.var.user, 'publishPlan', 'office');
    return c.json(await publishPreview(c.var.deps.db, c.req.valid('param').id), 200);
  },
);

planVersionsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/{id}/publish',
    tags: ['plans'],
    summary: 'Publish a draft version: its work carried over, audited (planning office) 发布新版本',
    request: { params: planIdParams },
    responses: {
      200: ok(publishResultSchema, 'Published; the previous version is superseded and keeps its orphans'),
      401: err('Not logged in'),
      403: err('Not the planning office, or CSRF token missing'),
      404: err('No such plan'),
      409: err('Not a draft'),
    },
  }),
  async (c) => {
    const user = authorize(c.var.user, 'publishPlan', 'office');
    const result = await publishPlanVersion(c.var.deps.db, c.req.valid('param').id, {
      id: user.id,
      name: user.email,
    });
    return c.json(result, 200);
  },
);

planVersionsRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/plans/{id}',
    tags: ['plans'],
    summary: 'Discard a draft version and what was entered on it, audited (planning office) 放弃草稿版本',
    request: { params: planIdParams },
    responses: {
      200: ok(discardResultSchema, 'Discarded; the published version is untouched'),
      401: err('Not logged in'),
      403: err('Not the planning office, or CSRF token missing'),
      404: err('No such plan'),
      409: err(
        'Not a draft (a published or superseded version is never deleted), or another plan follows it',
      ),
    },
  }),
  async (c) => {
    const user = authorize(c.var.user, 'publishPlan', 'office');
    const result = await discardPlanDraft(c.var.deps.db, c.req.valid('param').id, {
      id: user.id,
      name: user.email,
    });
    return c.json(result, 200);
  },
);
