import { z } from '@hono/zod-openapi';
import { indicatorSpecSchema, quantitySchema as domainQuantitySchema } from '../../../domain/dataset.ts';
import { DEPARTMENT_ROLES, NODE_KINDS, PLAN_STATUSES } from '../../../domain/plan.ts';

export const planIdParams = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0b8f3c52-0d7e-4c1e-9a57-3f1c2a9e4d10' }),
});

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string().openapi({ example: 'sip-14th' }),
    version: z.number().int(),
    title: z.string(),
    shortTitle: z.string().nullable(),
    issuer: z.string().nullable(),
    periodStart: z.number().int().openapi({ example: 2021 }),
    periodEnd: z.number().int().openapi({ example: 2025 }),
    visionYear: z.number().int().nullable().openapi({ example: 2035 }),
    parentId: z.uuid().nullable(),
    predecessorId: z.uuid().nullable(),
    status: z.enum(PLAN_STATUSES).openapi({
      description:
        'draft: a new version only the planning office sees; published: the version everyone sees; superseded: replaced by a newer published version',
    }),
    publishedAt: z.string().nullable(),
    label: z.string().openapi({ example: '第2版 · 草稿 · 2026-12-01', description: 'For the plan picker' }),
    indicatorCount: z
      .number()
      .int()
      .openapi({ description: "Indicators of the plan's main indicator table" }),
    secondaryIndicatorCount: z.number().int().openapi({ description: "Targets read from the plan's text" }),
    createdAt: z.string(),
  })
  .openapi('PlanSummary');

export const planListSchema = z.object({ items: z.array(planSummarySchema) }).openapi('PlanList');

export type TreeNodeDto = {
  id: string;
  kind: (typeof NODE_KINDS)[number];
  number: string | null;
  title: string;
  body: string | null;
  source: string | null;
  children: TreeNodeDto[];
};

export const treeNodeSchema: z.ZodType<TreeNodeDto> = z
  .lazy(() =>
    z.object({
      id: z.uuid(),
      kind: z.enum(NODE_KINDS),
      number: z.string().nullable(),
      title: z.string(),
      body: z.string().nullable(),
      source: z.string().nullable(),
      children: z.array(treeNodeSchema),
    }),
  )
  .openapi('PlanNode', { type: 'object' });

export const planTreeSchema = z
  .object({ plan: planSummarySchema, nodes: z.array(treeNodeSchema) })
  .openapi('PlanTree');

/** The domain's quantity, named for the OpenAPI document. */
const quantitySchema = domainQuantitySchema
  .extend({ raw: z.string().openapi({ example: '5以上' }) })
  .openapi('Quantity');

/** The domain's indicator spec as the API returns it: with its id, its node and its departments by name. */
export const indicatorSchema = indicatorSpecSchema
  .omit({ departments: true })
  .extend({
    id: z.uuid(),
    code: z.string().openapi({ example: 'T2-11' }),
    name: z.string().openapi({ example: '国家高新技术企业数' }),
    baseline: quantitySchema.nullable(),
    target: quantitySchema.nullable(),
    nodeId: z.uuid().nullable(),
    tableNumber: z.number().int().nullable(),
    rowNumber: z.number().int().nullable(),
    departments: z.array(z.object({ code: z.string(), name: z.string(), role: z.enum(DEPARTMENT_ROLES) })),
  })
  .openapi('Indicator');

export const indicatorListSchema = z
  .object({ plan: planSummarySchema, items: z.array(indicatorSchema) })
  .openapi('IndicatorList');
