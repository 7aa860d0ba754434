import { z } from 'zod';
import { datasetPlanSchema, departmentSchema, projectSchema, spatialUnitSchema } from '../domain/dataset.ts';
import { ATTRIBUTES, DIRECTIONS, FREQUENCIES, TARGET_KINDS } from '../domain/indicator.ts';

/**
 * A curated overlay: what a person checked or added by hand on top of the importer's output
 * (target kinds, directions, tolerances, departments, spatial units, the projects the plan names).
 * data/sip-14th/overlay.json is one.
 */
export const indicatorOverlaySchema = z
  .object({
    /** The name the row must have: guards against an overlay entry drifting onto another row. */
    name: z.string().optional(),
    kind: z.enum(TARGET_KINDS).optional(),
    kindRule: z.string().optional(),
    direction: z.enum(DIRECTIONS).optional(),
    tolerance: z.number().nullable().optional(),
    relatedCode: z.string().nullable().optional(),
    departments: z.array(z.string()).optional(),
    frequency: z.enum(FREQUENCIES).optional(),
    dataSource: z.string().nullable().optional(),
    attribute: z.enum(ATTRIBUTES).optional(),
    unit: z.string().nullable().optional(),
  })
  .strict();
export type IndicatorOverlay = z.infer<typeof indicatorOverlaySchema>;

export const proseTargetOverlaySchema = indicatorOverlaySchema.extend({
  /** Leave this prose target out of the dataset (e.g. a false positive). */
  skip: z.boolean().optional(),
});

export const overlayProjectSchema = projectSchema.omit({ nodePath: true, planKey: true }).extend({
  /** Plan-document node id ("C20.S1") or "box:N"; null if the project has no single place in the text. */
  node: z.string().nullable(),
});
export type OverlayProject = z.infer<typeof overlayProjectSchema>;

export const overlaySchema = z
  .object({
    formatVersion: z.literal(1),
    plan: datasetPlanSchema.pick({
      key: true,
      shortTitle: true,
      issuer: true,
      parentKey: true,
      predecessorKey: true,
    }),
    /** The plan whose results table the document carries (the 13th plan for the 14th); null if none. */
    previousPlan: datasetPlanSchema
      .pick({ key: true, title: true, shortTitle: true, issuer: true })
      .nullable(),
    /** By indicator code (T1-01, T2-22 …). */
    indicators: z.record(z.string(), indicatorOverlaySchema),
    /** By the prose target's text as the importer reports it ("生物医药产业规模达2000亿元"). */
    proseTargets: z.record(z.string(), proseTargetOverlaySchema),
    departments: z.array(departmentSchema),
    spatialUnits: z.array(spatialUnitSchema),
    projects: z.array(overlayProjectSchema),
  })
  .strict();
export type Overlay = z.infer<typeof overlaySchema>;
