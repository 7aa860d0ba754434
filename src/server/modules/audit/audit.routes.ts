import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { auditFacets, listAudit } from './audit.service.ts';
import { isoDate } from '../projects/projects.schemas.ts';
import { errorBodySchema, validationHook } from '../../errors.ts';

export const auditEntrySchema = z
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

const q = (name: string) => ({ param: { name, in: 'query' as const } });

const auditQuery = z.object({
  entity: z
    .string()
    .max(50)
    .optional()
    .openapi({ ...q('entity'), example: 'observation', description: 'What: the kind of record (exact)' }),
  entityId: z
    .string()
    .max(100)
    .optional()
    .openapi({ ...q('entityId'), description: 'One record (exact)' }),
  action: z
    .string()
    .max(50)
    .optional()
    .openapi({ ...q('action'), example: 'approve', description: 'What was done (exact)' }),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      ...q('actor'),
      example: 'kjj@',
      description: 'Who: part of the actor (an email, system:seed), case-insensitive',
    }),
  actorExact: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      ...q('actorExact'),
      example: 'kjj@sip.example',
      description: 'Who: exactly this actor, as GET /api/audit/facets lists it (case and all)',
    }),
  actorId: z
    .uuid()
    .optional()
    .openapi({ ...q('actorId'), description: 'Who: one user by id' }),
  from: isoDate
    .optional()
    .openapi({ ...q('from'), description: 'When: first day, inclusive (in LANTU_TIME_ZONE, Asia/Shanghai)' }),
  to: isoDate
    .optional()
    .openapi({ ...q('to'), description: 'When: last day, inclusive (in LANTU_TIME_ZONE, Asia/Shanghai)' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .openapi({ ...q('limit'), description: 'Page size' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ ...q('offset'), description: 'Entries to skip (page × size)' }),
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
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(auditEntrySchema),
              total: z.number().int().openapi({ description: 'Entries matching the filters, all pages' }),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
          },
        },
      },
      422: { description: 'Invalid filter', content: { 'application/json': { schema: errorBodySchema } } },
      401: { description: 'Not logged in', content: { 'application/json': { schema: errorBodySchema } } },
      403: {
        description: 'Not an admin or assessor',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  async (c) => c.json(await listAudit(c.var.deps.db, c.var.user, c.req.valid('query')), 200),
);

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/audit/facets',
    tags: ['audit'],
    summary: 'What the audit log can be filtered by (admin, assessor) 操作日志筛选项',
    responses: {
      200: {
        description: 'The distinct actions, entities and actors, sorted',
        content: {
          'application/json': {
            schema: z.object({
              actions: z.array(z.string()),
              entities: z.array(z.string()),
              actors: z.array(z.string()),
            }),
          },
        },
      },
      401: { description: 'Not logged in', content: { 'application/json': { schema: errorBodySchema } } },
      403: {
        description: 'Not an admin or assessor',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  async (c) => c.json(await auditFacets(c.var.deps.db, c.var.user), 200),
);
