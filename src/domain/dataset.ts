import { z } from 'zod';
import { ATTRIBUTES, DIRECTIONS, FREQUENCIES, INDICATOR_ORIGINS, TARGET_KINDS } from './indicator.ts';
import type { IndicatorSpec } from './indicator.ts';
import { NODE_KINDS } from './plan.ts';
import type { PlanNodeSpec } from './plan.ts';
import { COMPARATORS } from './quantity.ts';
import { OBSERVATION_KINDS } from './observation.ts';
import { sourceSchema } from './provenance.ts';

/**
 * The portable form of one or more plans with their indicators, values and reference data.
 * data/sip-14th/ holds one; the importer produces one; `lantu db seed` loads one.
 */
export const quantitySchema = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  comparator: z.enum(COMPARATORS),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const planNodeSchema: z.ZodType<PlanNodeSpec> = z.lazy(() =>
  z.object({
    kind: z.enum(NODE_KINDS),
    number: z.string().nullable(),
    title: z.string(),
    body: z.string().nullable(),
    source: z.string().nullable(),
    children: z.array(planNodeSchema),
  }),
);

export const indicatorSpecSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().nullable(),
  category: z.string().nullable(),
  attribute: z.enum(ATTRIBUTES),
  kind: z.enum(TARGET_KINDS),
  direction: z.enum(DIRECTIONS),
  baselineYear: z.number().int().nullable(),
  baseline: quantitySchema.nullable(),
  targetYear: z.number().int().nullable(),
  target: quantitySchema.nullable(),
  tolerance: z.number().nullable(),
  relatedCode: z.string().nullable(),
  departments: z.array(z.string()),
  frequency: z.enum(FREQUENCIES),
  dataSource: z.string().nullable(),
  origin: z.enum(INDICATOR_ORIGINS),
  kindRule: z.string().nullable(),
}) satisfies z.ZodType<IndicatorSpec>;

export const datasetIndicatorSchema = indicatorSpecSchema.extend({
  /** Index path of the node the indicator belongs to (e.g. [3, 1] = 4th top node, 2nd child); null if none. */
  nodePath: z.array(z.number().int().nonnegative()).nullable(),
  /** Table number it was read from (1, 2, …), null for prose targets. */
  tableNumber: z.number().int().nullable(),
  rowNumber: z.number().int().nullable(),
});
export type DatasetIndicator = z.infer<typeof datasetIndicatorSchema>;

export const datasetObservationSchema = z.object({
  code: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  kind: z.enum(OBSERVATION_KINDS),
  note: z.string().nullable().default(null),
  /** 1 = first release; a later release revising the same value is another observation with a higher revision. */
  revision: z.number().int().min(1).default(1),
  /** Where the value comes from; null = the plan document itself (e.g. Table 1's results). */
  source: sourceSchema.nullable().default(null),
});
export type DatasetObservation = z.infer<typeof datasetObservationSchema>;

export const datasetPlanSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  shortTitle: z.string().nullable(),
  issuer: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  visionYear: z.number().int().nullable(),
  /** For a special or area plan: the key of the master plan it serves. */
  parentKey: z.string().nullable(),
  /** The plan this one follows (the 13th plan for the 14th). */
  predecessorKey: z.string().nullable(),
  nodes: z.array(planNodeSchema),
  indicators: z.array(datasetIndicatorSchema),
  observations: z.array(datasetObservationSchema),
});
export type DatasetPlan = z.infer<typeof datasetPlanSchema>;

export const departmentSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().nullable(),
});
export type DepartmentSpec = z.infer<typeof departmentSchema>;

export const SPATIAL_UNIT_KINDS = ['core', 'axis', 'centre', 'area', 'point'] as const;
export const spatialUnitSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(SPATIAL_UNIT_KINDS),
  parentCode: z.string().nullable(),
  description: z.string().nullable(),
});
export type SpatialUnitSpec = z.infer<typeof spatialUnitSchema>;

export const projectSchema = z.object({
  code: z.string().min(1),
  planKey: z.string(),
  name: z.string().min(1),
  category: z.string().nullable(),
  leadUnit: z.string().nullable(),
  spatialUnitCode: z.string().nullable(),
  totalInvestment: z.number().nullable(),
  investmentUnit: z.string().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  stage: z.string().nullable(),
  description: z.string().nullable(),
  nodePath: z.array(z.number().int().nonnegative()).nullable(),
});
export type ProjectSpec = z.infer<typeof projectSchema>;

export const datasetSchema = z.object({
  formatVersion: z.literal(1),
  departments: z.array(departmentSchema),
  spatialUnits: z.array(spatialUnitSchema),
  plans: z.array(datasetPlanSchema),
  projects: z.array(projectSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;
