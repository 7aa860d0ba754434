import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import { indicatorListSchema, planIdParams, planListSchema, planTreeSchema } from './plans.schemas.ts';
import { getPlanIndicators, getPlanTree, listPlans } from './plans.service.ts';
import { cachedJson } from '../../cache/response-cache.ts';
import { can } from '../../policies/policy.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

const errors = {
  404: err('No such plan'),
  422: err('Invalid id'),
};

export const plansRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

plansRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans',
    tags: ['plans'],
    summary: 'List plans 规划列表',
    responses: {
      200: json(
        planListSchema,
        'Plans, newest period first: the published version of each; the planning office also gets drafts and superseded versions',
      ),
    },
  }),
  async (c) =>
    c.json({ items: await listPlans(c.var.deps.db, can(c.var.user, 'seePlanDrafts', 'office')) }, 200),
);

plansRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/tree',
    tags: ['plans'],
    summary: 'The plan tree 篇/章/节/任务',
    request: { params: planIdParams },
    responses: {
      200: json(planTreeSchema, 'The tree, in document order'),
      ...errors,
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedJson(c.var.deps.db, `tree:${id}`, () => getPlanTree(c.var.deps.db, id));
  },
);

plansRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/indicators',
    tags: ['plans'],
    summary: 'Indicators of a plan 主要指标',
    request: { params: planIdParams },
    responses: {
      200: json(indicatorListSchema, 'Indicators in table order, then targets read from the text'),
      ...errors,
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedJson(c.var.deps.db, `plan-indicators:${id}`, () => getPlanIndicators(c.var.deps.db, id));
  },
);
