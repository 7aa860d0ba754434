import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { systemRepository } from '../../../db/repositories/system.repository.ts';
import { errorBodySchema } from '../../errors.ts';
import { timeZone } from '../../time-zone.ts';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    db: z.enum(['pglite', 'postgres']),
    version: z.string(),
    timeZone: z.string().openapi({
      example: 'Asia/Shanghai',
      description:
        'The zone people read times in (LANTU_TIME_ZONE, default Asia/Shanghai); the web formats times in it',
    }),
  })
  .openapi('Health');

export const healthRoutes = new OpenAPIHono<AppEnv>();

healthRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check, and the installation’s time zone',
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
    return c.json({ status: 'ok' as const, db: db.kind, version, timeZone: timeZone() }, 200);
  },
);
