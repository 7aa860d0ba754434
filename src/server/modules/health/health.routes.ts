import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { systemRepository } from '../../../db/repositories/system.repository.ts';
import { errorBodySchema } from '../../errors.ts';

const healthSchema = z
  .object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() })
  .openapi('Health');

export const healthRoutes = new OpenAPIHono<AppEnv>();

healthRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check',
    responses: {
      200: {
        description: 'Up, database answering',
        content: { 'application/json': { schema: healthSchema } },
      },
      503: {
        description: 'Database unavailable',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  async (c) => {
    const { db, version } = c.var.deps;
    await systemRepository.ping(db);
    return c.json({ status: 'ok' as const, db: db.kind, version }, 200);
  },
);
