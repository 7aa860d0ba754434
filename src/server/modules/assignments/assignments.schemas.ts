import { z } from '@hono/zod-openapi';

const departmentRef = z.object({ code: z.string(), name: z.string() });

export const assignmentSchema = z
  .object({
    planId: z.uuid(),
    nodeId: z.uuid().nullable(),
    indicatorId: z.uuid().nullable(),
    code: z.string().openapi({ description: 'Indicator code, or the node number', example: 'T2-01' }),
    title: z.string(),
    lead: departmentRef.nullable().openapi({ description: '牵头部门' }),
    co: z.array(departmentRef).openapi({ description: '配合部门' }),
  })
  .openapi('Assignment');

export const assignmentListSchema = z.object({ items: z.array(assignmentSchema) }).openapi('AssignmentList');

const code = z.string().trim().min(1).max(50);

const itemRef = {
  nodeId: z.uuid().optional().openapi({ description: 'A task (plan node); give this or indicatorId' }),
  indicatorId: z.uuid().optional(),
};
const oneOf = (b: { nodeId?: string | undefined; indicatorId?: string | undefined }) =>
  (b.nodeId === undefined) !== (b.indicatorId === undefined);
const ONE_OF = {
  message: 'Give exactly one of nodeId and indicatorId',
  path: ['nodeId'],
  params: { zh: 'nodeId 与 indicatorId 须给出且只给出一个' },
};

const departmentsFields = {
  lead: code.openapi({ example: 'JFJ', description: 'Lead department code 牵头部门' }),
  co: z
    .array(code)
    .max(30)
    .default([])
    .openapi({ example: ['TJJ'], description: 'Co-departments 配合部门' }),
};

export const putAssignmentSchema = z
  .object({ ...itemRef, ...departmentsFields })
  .refine(oneOf, ONE_OF)
  .openapi('AssignmentRequest');

export const bulkAssignmentSchema = z
  .object({
    items: z
      .array(z.object(itemRef).refine(oneOf, ONE_OF))
      .min(1)
      .max(500)
      .openapi({ description: 'The tasks and indicators to assign, at most 500' }),
    ...departmentsFields,
  })
  .openapi('BulkAssignmentRequest');

export const planIdQuery = z.object({
  planId: z
    .uuid()
    .openapi({ param: { name: 'planId', in: 'query' }, description: 'The plan the codes belong to' }),
});

export const sheetReportRowSchema = z.object({
  row: z.number().int().openapi({ description: 'Row number in the sheet (1-based, as Excel shows it)' }),
  code: z.string(),
  status: z.enum(['saved', 'error', 'unchanged']),
  message: z.string().openapi({ description: 'English 中文 in one string' }),
  messages: z
    .object({ zh: z.string(), en: z.string() })
    .optional()
    .openapi({ description: 'The message in each language' }),
});

export const assignmentUploadReportSchema = z
  .object({ ok: z.boolean(), rows: z.array(sheetReportRowSchema) })
  .openapi('AssignmentUploadReport');
