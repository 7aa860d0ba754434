import { z } from '@hono/zod-openapi';

export const INBOX_TYPES = ['fill', 'submit', 'returned', 'approve'] as const;
export type InboxType = (typeof INBOX_TYPES)[number];

export const inboxItemSchema = z
  .object({
    type: z.enum(INBOX_TYPES).openapi({
      description:
        'fill: no value yet; submit: a draft to submit; returned: a value sent back; approve: waiting for approval',
    }),
    indicatorId: z.uuid(),
    code: z.string(),
    name: z.string(),
    planId: z.uuid(),
    period: z.string().openapi({ example: '2024' }),
    due: z.string().openapi({ example: '2025-03-31', description: 'due_days after the period ends' }),
    overdue: z.boolean(),
    observationId: z.uuid().optional(),
    value: z.number().nullable().optional().openapi({ description: 'The value reported (approve items)' }),
    text: z.string().nullable().optional(),
    unit: z.string().nullable().optional(),
    note: z.string().nullable().optional().openapi({ description: "The department's note" }),
    previous: z
      .object({ year: z.number().int(), value: z.number() })
      .nullable()
      .optional()
      .openapi({ description: 'The latest approved value of an earlier year' }),
    change: z
      .object({ absolute: z.number(), relative: z.number().nullable() })
      .nullable()
      .optional()
      .openapi({ description: 'value − previous, and that as a share of |previous| (0.12 = +12%)' }),
    warnings: z
      .array(z.object({ zh: z.string(), en: z.string() }))
      .optional()
      .openapi({ description: 'Outlier warnings against the approved history' }),
  })
  .openapi('InboxItem');

export const inboxSchema = z.object({ asOf: z.string(), items: z.array(inboxItemSchema) }).openapi('Inbox');

export const inboxQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .openapi({
      param: { name: 'asOf', in: 'query' },
      example: '2025-02-01',
      description: 'Today, by default',
    }),
});
