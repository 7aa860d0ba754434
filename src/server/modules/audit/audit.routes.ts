import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { listAudit } from './audit.service.ts';
import { errorBodySchema, validationHook } from '../../errors.ts';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actor: z.string().openapi({ example: 'office@sip.example' }),
    action: z.string().openapi({ example: 'approve' }),
    entity: z.string().openapi({ example: 'observation' }),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const auditQuery = z.object({
  entity: z
    .string()
    .max(50)
    .optional()
    .openapi({ param: { name: 'entity', in: 'query' }, example: 'observation' }),
  entityId: z
    .string()
    .max(100)
    .optional()
    .openapi({ param: { name: 'entityId', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

export const auditRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** Read-only: no route changes or deletes audit entries. */
auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'Audit log (admin, assessor) 操作日志',
    request: { query: auditQuery },
    responses: {
      200: {
        description: 'Newest first',
        content: { 'application/json': { schema: z.object({ items: z.array(auditEntrySchema) }) } },
      },
      401: { description: 'Not logged in', content: { 'application/json': { schema: errorBodySchema } } },
      403: {
        description: 'Not an admin or assessor',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  async (c) => c.json(await listAudit(c.var.deps.db, c.var.user, c.req.valid('query')), 200),
);
