import { z } from '@hono/zod-openapi';
import { TASK_STATUSES } from '../../../domain/evaluation/tasks.ts';
import { DEPARTMENT_ROLES, NODE_KINDS } from '../../../domain/plan.ts';
import { isoDate } from '../projects/projects.schemas.ts';
import { calendarYear as year, calendarYearParam } from '../../openapi-helpers.ts';

export const nodeIdParams = z.object({ nodeId: z.uuid().openapi({ param: { name: 'nodeId', in: 'path' } }) });
export const workPlanParams = nodeIdParams.extend({
  year: calendarYearParam.openapi({ param: { name: 'year', in: 'path' }, example: 2024 }),
});

export const milestoneSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    dueDate: z.string(),
    completedOn: z.string().nullable(),
    overdue: z.boolean(),
  })
  .openapi('Milestone');

export const evidenceSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .openapi('EvidenceFile');

export const taskReportSchema = z
  .object({
    id: z.uuid(),
    nodeId: z.uuid(),
    year,
    status: z.enum(TASK_STATUSES),
    percent: z.number(),
    text: z.string(),
    byEmail: z.string().nullable(),
    createdAt: z.string(),
    evidence: z.array(evidenceSchema),
  })
  .openapi('TaskReport');

export const taskWorkSchema = z
  .object({
    node: z.object({ id: z.uuid(), planId: z.uuid(), kind: z.string(), title: z.string() }),
    workPlans: z.array(
      z.object({ id: z.uuid(), year, summary: z.string().nullable(), milestones: z.array(milestoneSchema) }),
    ),
    reports: z.array(taskReportSchema),
  })
  .openapi('TaskWork');

export const workPlanBodySchema = z
  .object({
    summary: z.string().trim().max(8000).nullable().optional(),
    milestones: z
      .array(
        z.object({
          title: z.string().trim().min(1).max(500),
          dueDate: isoDate,
          completedOn: isoDate.nullable().optional(),
        }),
      )
      .max(100),
  })
  .openapi('WorkPlan');

export const milestoneUpdateSchema = z.object({ completedOn: isoDate.nullable() }).openapi('MilestoneUpdate');

export const taskReportBodySchema = z
  .object({
    year,
    status: z.enum(TASK_STATUSES),
    percent: z.number().min(0).max(100),
    text: z.string().trim().min(1).max(8000),
  })
  .openapi('NewTaskReport');

export const evidenceUploadSchema = z.object({
  file: z
    .custom<File>((v) => v instanceof File, 'Attach one file as the form field "file"')
    .openapi({
      type: 'string',
      format: 'binary',
      description: 'One file, 1 byte to 20 MB (an empty file is refused)',
    }),
});

export const overdueQuery = z.object({
  department: z
    .string()
    .max(50)
    .optional()
    .openapi({ description: 'Department code; default: all (admins, assessors) or your own' }),
});

export const overdueListSchema = z
  .object({
    today: z.string(),
    items: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        dueDate: z.string(),
        daysOverdue: z.number().int(),
        year,
        nodeId: z.uuid(),
        nodeTitle: z.string(),
        planId: z.uuid(),
        departmentCode: z.string(),
        departmentName: z.string(),
        role: z.enum(DEPARTMENT_ROLES),
      }),
    ),
  })
  .openapi('OverdueMilestones');

type RolledUp = {
  key: string;
  nodeId: string | null;
  kind: (typeof NODE_KINDS)[number];
  title: string;
  weight: number;
  percent: number | null;
  status: (typeof TASK_STATUSES)[number] | null;
  counts: Record<(typeof TASK_STATUSES)[number], number>;
  unreported: number;
  children: RolledUp[];
};
export const rolledUpNodeSchema: z.ZodType<RolledUp> = z
  .lazy(() =>
    z.object({
      key: z.string().openapi({ description: 'The roll-up key: the plan node id' }),
      nodeId: z.uuid().nullable(),
      kind: z.enum(NODE_KINDS),
      title: z.string(),
      weight: z.number(),
      percent: z.number().nullable(),
      status: z.enum(TASK_STATUSES).nullable(),
      counts: z.record(z.enum(TASK_STATUSES), z.number().int()),
      unreported: z.number().int(),
      children: z.array(rolledUpNodeSchema),
    }),
  )
  .openapi('RolledUpTaskNode', { type: 'object' });

export const planProgressQuery = z.object({
  year: calendarYearParam.optional().openapi({ description: 'Latest report up to this year (default: all)' }),
  unreportedAsZero: z.enum(['true', 'false']).default('false'),
});

export const planProgressSchema = z
  .object({
    planId: z.uuid(),
    year: z.number().int().nullable(),
    percent: z.number().nullable(),
    counts: z.record(z.enum(TASK_STATUSES), z.number().int()),
    unreported: z.number().int(),
    nodes: z.array(rolledUpNodeSchema),
  })
  .openapi('PlanProgress');
