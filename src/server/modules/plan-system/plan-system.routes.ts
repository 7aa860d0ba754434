import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { COHERENCE_ISSUES } from '../../../domain/coherence.ts';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { planCoherence } from './plan-system.service.ts';
import { errorResponse as err } from '../../openapi-helpers.ts';

const planRef = z.object({ id: z.uuid(), key: z.string(), title: z.string() });

const coherenceSchema = z
  .object({
    planId: z.uuid(),
    coherent: z.boolean(),
    pairs: z.array(
      z.object({
        master: planRef,
        child: planRef,
        findings: z.array(
          z.object({
            issue: z.enum(COHERENCE_ISSUES),
            code: z.string(),
            name: z.string(),
            childCode: z.string().nullable(),
            masterTarget: z.string().nullable(),
            childTarget: z.string().nullable(),
            masterYear: z.number().int().nullable(),
            childYear: z.number().int().nullable(),
            message: z.object({ zh: z.string(), en: z.string() }),
          }),
        ),
      }),
    ),
  })
  .openapi('PlanCoherence');

export const planSystemRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

planSystemRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/coherence',
    tags: ['plans'],
    summary: 'Binding indicators a child plan sets weaker or for another year 规划衔接检查',
    request: {
      params: planIdParams,
      query: z.object({
        missing: z
          .enum(['true', 'false'])
          .default('false')
          .openapi({ description: 'Also list binding indicators a child plan does not set' }),
      }),
    },
    responses: {
      200: {
        description: 'One entry per master/child pair',
        content: { 'application/json': { schema: coherenceSchema } },
      },
      404: err('No such plan'),
      422: err('Invalid id'),
    },
  }),
  async (c) =>
    c.json(
      await planCoherence(c.var.deps.db, c.req.valid('param').id, {
        reportMissing: c.req.valid('query').missing === 'true',
      }),
      200,
    ),
);
