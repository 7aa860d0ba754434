import { z } from '@hono/zod-openapi';
import { METHODS } from '../../../domain/evaluation/index.ts';
import { REPORT_KINDS, REPORT_LANGS } from '../../../reports/types.ts';

export const reportQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).openapi({ example: 2023, description: 'Year reported on (final: the last year of the plan)' }),
  kind: z.enum(REPORT_KINDS).default('annual').openapi({ description: 'annual 年度 / midterm 中期评估 / final 总结评估' }),
  lang: z.enum(REPORT_LANGS).default('zh').openapi({ description: 'zh (default) or en' }),
  method: z.enum(METHODS).default('time').openapi({ description: 'time = 时间进度 (default); trend = CAGR ratio' }),
});
export type ReportQuery = z.infer<typeof reportQuery>;
