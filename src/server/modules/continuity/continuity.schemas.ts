import { z } from '@hono/zod-openapi';
import { idParams } from '../../openapi-helpers.ts';
import { provenanceSchema } from '../observations/observations.schemas.ts';

export const indicatorIdParams = idParams;

export const lineageSchema = z
  .object({
    indicatorId: z.uuid(),
    name: z.string(),
    unit: z.string().nullable(),
    from: z.number().int().openapi({ example: 2016 }),
    to: z.number().int().openapi({ example: 2030 }),
    plans: z.array(
      z.object({
        planId: z.uuid(),
        key: z.string(),
        title: z.string(),
        periodStart: z.number().int(),
        periodEnd: z.number().int(),
        indicatorId: z.uuid(),
        code: z.string(),
        name: z.string(),
        baselineYear: z.number().int().nullable(),
        baseline: z.string().nullable(),
        targetYear: z.number().int().nullable(),
        target: z.string().nullable(),
      }),
    ),
    points: z.array(
      z.object({
        year: z.number().int(),
        value: z.number().nullable(),
        text: z.string().nullable(),
        kind: z.enum(['actual', 'baseline']),
        planKey: z.string(),
        code: z.string(),
        provenance: provenanceSchema.nullable(),
      }),
    ),
  })
  .openapi('IndicatorLineage');

const named = z.object({ code: z.string(), name: z.string() });

export const continuitySchema = z
  .object({
    planId: z.uuid(),
    predecessor: z
      .object({ planId: z.uuid(), key: z.string(), title: z.string(), periodEnd: z.number().int() })
      .nullable(),
    linked: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        predecessorCode: z.string(),
        predecessorName: z.string(),
        baselineYear: z.number().int().nullable(),
        baseline: z.string().nullable(),
        predecessorActual: z
          .object({
            year: z.number().int(),
            value: z.number().nullable(),
            text: z.string().nullable(),
            provenance: provenanceSchema,
          })
          .nullable(),
        difference: z.number().nullable(),
        status: z.enum(['agrees', 'differs', 'no_actual', 'not_comparable']),
      }),
    ),
    added: z.array(named),
    discontinued: z.array(named),
    differences: z.array(z.string()),
  })
  .openapi('PlanContinuity');
