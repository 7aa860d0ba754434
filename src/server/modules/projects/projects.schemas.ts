import { z } from '@hono/zod-openapi';
import { SPATIAL_UNIT_KINDS } from '../../../domain/dataset.ts';
import { LIBRARY_ACTIONS, PROJECT_CATEGORIES, PROJECT_STAGES } from '../../../domain/project.ts';
import { calendarYear as year, calendarYearParam, idParams } from '../../openapi-helpers.ts';

export const projectIdParams = idParams;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  )
  .openapi({ example: '2024-03-31' });
export { isoDate };

export const spatialUnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: 'A-DSH' }),
    name: z.string(),
    kind: z.string().openapi({ description: SPATIAL_UNIT_KINDS.join(' | ') }),
    parentId: z.uuid().nullable(),
    description: z.string().nullable(),
  })
  .openapi('SpatialUnit');

export const projectSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    code: z.string().openapi({ example: 'PRJ-01' }),
    name: z.string(),
    category: z.string().nullable().openapi({ example: '产业' }),
    importanceClass: z.string().nullable().openapi({ example: '省重大项目' }),
    importanceRank: z.number().int().nullable(),
    leadUnit: z.string().nullable(),
    leadDepartmentCode: z.string().nullable(),
    leadDepartmentName: z.string().nullable().openapi({ example: '发展改革委' }),
    spatialUnitCode: z.string().nullable(),
    spatialUnitName: z.string().nullable(),
    longitude: z.number().nullable(),
    latitude: z.number().nullable(),
    nodeId: z.uuid().nullable(),
    totalInvestment: z.number().nullable(),
    investmentUnit: z.string().nullable().openapi({ example: '亿元' }),
    startYear: z.number().int().nullable(),
    endYear: z.number().int().nullable(),
    stage: z.enum(PROJECT_STAGES).nullable(),
    description: z.string().nullable(),
    inLibrary: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Project');

export const investmentSchema = z
  .object({
    year,
    planned: z.number().nullable(),
    completed: z.number().nullable(),
    completionRate: z.number().nullable(),
  })
  .openapi('ProjectInvestment');

export const projectDetailSchema = projectSchema
  .extend({
    investments: z.array(investmentSchema),
    completionRate: z
      .number()
      .nullable()
      .openapi({ description: 'Completed ÷ planned over all years, in %' }),
    history: z.array(
      z.object({
        id: z.uuid(),
        action: z.enum(LIBRARY_ACTIONS),
        reason: z.string(),
        date: z.string(),
        byEmail: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    progress: z.array(
      z.object({
        id: z.uuid(),
        year,
        quarter: z.number().int(),
        stage: z.enum(PROJECT_STAGES).nullable(),
        percent: z.number().nullable(),
        text: z.string(),
        byEmail: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    links: z.array(
      z.object({
        nodeId: z.uuid().nullable(),
        nodeTitle: z.string().nullable(),
        indicatorId: z.uuid().nullable(),
        indicatorCode: z.string().nullable(),
        indicatorName: z.string().nullable(),
      }),
    ),
  })
  .openapi('ProjectDetail');

export const projectListQuery = z.object({
  planId: z.uuid().optional(),
  category: z.string().max(50).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  spatialUnit: z.string().max(50).optional().openapi({ description: 'Spatial unit code, e.g. A-DSH' }),
  inLibrary: z
    .enum(['true', 'false', 'all'])
    .default('true')
    .openapi({ description: 'true (default): projects in the library; false: those that left it; all' }),
});

const projectFields = {
  name: z.string().trim().min(1).max(200),
  category: z.enum(PROJECT_CATEGORIES).nullable(),
  importanceClass: z.string().trim().max(50).nullable(),
  importanceRank: z.number().int().positive().nullable(),
  leadUnit: z.string().trim().max(200).nullable(),
  leadDepartment: z
    .string()
    .max(50)
    .nullable()
    .openapi({ description: 'Department code whose users report investment' }),
  spatialUnit: z.string().max(50).nullable().openapi({ description: 'Spatial unit code' }),
  longitude: z.number().min(-180).max(180).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  nodeId: z.uuid().nullable(),
  totalInvestment: z.number().finite().nonnegative().nullable(),
  investmentUnit: z.string().max(20).nullable(),
  startYear: year.nullable(),
  endYear: year.nullable(),
  stage: z.enum(PROJECT_STAGES).nullable(),
  description: z.string().max(4000).nullable(),
  nodeIds: z.array(z.uuid()).max(100).openapi({ description: 'Further plan nodes the project serves' }),
  indicatorIds: z.array(z.uuid()).max(100).openapi({ description: 'Indicators the project contributes to' }),
};

export const newProjectSchema = z
  .object({
    planId: z.uuid(),
    code: z.string().trim().min(1).max(50),
    name: projectFields.name,
    category: projectFields.category.optional(),
    importanceClass: projectFields.importanceClass.optional(),
    importanceRank: projectFields.importanceRank.optional(),
    leadUnit: projectFields.leadUnit.optional(),
    leadDepartment: projectFields.leadDepartment.optional(),
    spatialUnit: projectFields.spatialUnit.optional(),
    longitude: projectFields.longitude.optional(),
    latitude: projectFields.latitude.optional(),
    nodeId: projectFields.nodeId.optional(),
    totalInvestment: projectFields.totalInvestment.optional(),
    investmentUnit: projectFields.investmentUnit.optional(),
    startYear: projectFields.startYear.optional(),
    endYear: projectFields.endYear.optional(),
    stage: projectFields.stage.optional(),
    description: projectFields.description.optional(),
    nodeIds: projectFields.nodeIds.optional(),
    indicatorIds: projectFields.indicatorIds.optional(),
  })
  .openapi('NewProject');

export const projectUpdateSchema = newProjectSchema
  .omit({ planId: true, code: true })
  .partial()
  .openapi('ProjectUpdate');

export const investmentsBodySchema = z
  .object({
    items: z
      .array(
        z.object({
          year,
          planned: z.number().finite().nonnegative().nullable().optional(),
          completed: z.number().finite().nonnegative().nullable().optional(),
        }),
      )
      .min(1)
      .max(50),
  })
  .openapi('ProjectInvestments');

export const libraryMoveSchema = z
  .object({ reason: z.string().trim().min(1).max(2000), date: isoDate })
  .openapi('ProjectLibraryMove');

export const projectProgressBodySchema = z
  .object({
    year,
    quarter: z.number().int().min(1).max(4),
    stage: z.enum(PROJECT_STAGES).nullable().optional(),
    percent: z.number().min(0).max(100).nullable().optional(),
    text: z.string().trim().min(1).max(8000),
  })
  .openapi('ProjectProgressReport');

export const rollingQuery = z.object({
  from: calendarYearParam.openapi({ example: 2024 }),
  planId: z.uuid().optional(),
});

export const rollingPlanSchema = z
  .object({
    from: year,
    years: z.array(year),
    items: z.array(
      z.object({
        project: projectSchema,
        planned: z
          .array(z.number().nullable())
          .openapi({ description: 'Planned investment per year of `years`' }),
        total: z.number(),
      }),
    ),
    totals: z
      .array(z.number())
      .openapi({ description: 'Planned investment of all listed projects per year' }),
  })
  .openapi('RollingPlan');
