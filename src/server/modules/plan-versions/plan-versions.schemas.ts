import { z } from '@hono/zod-openapi';

const workSchema = z.object({
  assignments: z.number().int(),
  observations: z.number().int(),
  workPlans: z.number().int(),
  taskReports: z.number().int(),
  projectLinks: z.number().int(),
  comments: z.number().int(),
  supervision: z.number().int().openapi({ description: '督办单 on the item' }),
});

const versionItemSchema = z.object({
  type: z.enum(['indicator', 'node']),
  kind: z.string().openapi({ description: 'The target kind of an indicator, the node kind of a node' }),
  code: z.string().nullable().openapi({ description: 'Indicator code, or the heading number' }),
  name: z.string(),
  matchedBy: z.string().optional().openapi({ description: 'code, name or heading' }),
  work: workSchema.optional(),
});

const fieldChange = z.object({
  field: z.enum(['code', 'name', 'unit', 'attribute', 'baseline', 'target', 'kind']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

const versionChangeSchema = z
  .union([
    z.object({
      subject: z.literal('node'),
      op: z.literal('changed'),
      kind: z.string(),
      before: z.string(),
      after: z.string(),
    }),
    z.object({
      subject: z.literal('node'),
      op: z.enum(['added', 'removed']),
      kind: z.string(),
      label: z.string(),
    }),
    z.object({
      subject: z.literal('indicator'),
      op: z.literal('changed'),
      code: z.string(),
      name: z.string(),
      fields: z.array(fieldChange),
    }),
    z.object({
      subject: z.literal('indicator'),
      op: z.enum(['added', 'removed']),
      code: z.string(),
      name: z.string(),
    }),
  ])
  .openapi('VersionChange');

export const versionDiffSchema = z
  .object({
    basePlanId: z.uuid().nullable().openapi({ description: 'The version in use the work is carried from' }),
    baseVersion: z.number().int().nullable(),
    unchanged: z.boolean().openapi({ description: 'The document is the version in use: saving is a no-op' }),
    changes: z.array(z.string()),
    changeList: z.array(versionChangeSchema).openapi({
      description: 'The changes as data (what changed, before → after), for a screen to word in its language',
    }),
    carried: workSchema.extend({
      indicators: z.number().int(),
      nodes: z.number().int(),
      projects: z.number().int(),
      snapshots: z.number().int(),
    }),
    carriedItems: z.array(versionItemSchema),
    added: z.array(versionItemSchema),
    removed: z
      .array(versionItemSchema)
      .openapi({ description: 'Gone from the new version, nothing attached' }),
    orphaned: z.array(versionItemSchema).openapi({
      description: 'Gone from the new version with work attached: kept on the old version, reachable there',
    }),
  })
  .openapi('PlanVersionDiff');

export const publishResultSchema = z
  .object({
    planId: z.uuid(),
    version: z.number().int(),
    previousId: z.uuid().nullable(),
    diff: versionDiffSchema,
  })
  .openapi('PlanPublished');

export const discardResultSchema = z
  .object({
    planId: z.uuid(),
    key: z.string(),
    version: z.number().int(),
    discarded: z.object({
      indicators: z.number().int(),
      nodes: z.number().int(),
      projects: z.number().int(),
      observations: z.number().int(),
    }),
  })
  .openapi('PlanDraftDiscarded');
