import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { errorBodySchema, validationHook } from '../../errors.ts';
import { contentType } from '../../../reports/formats.ts';
import type { ReportFormat } from '../../../reports/types.ts';
import type { RenderedReport } from '../../../reports/render.ts';
import { snapshotIdParams } from '../evaluation-cycles/evaluation-cycles.schemas.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { buildLiveReport, buildSnapshotReport } from './report.service.ts';
import { reportLangQuery, reportQuery } from './reports.schemas.ts';

export const reportsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

const DESCRIPTIONS: Record<ReportFormat, string> = {
  docx: 'Word document: title page, contents, 一、总体评价 … 六、下一步工作建议, appendix; charts as PNG; snapshot id in every footer',
  xlsx: 'Workbook: one sheet per section with its tables, and the raw values',
  md: 'Markdown, for quick review and diffs',
  pdf: 'PDF: the .docx laid out by LibreOffice on the server (503 service_unavailable, naming the package to install, when LibreOffice is absent or the conversion times out)',
};

const unavailable = (format: ReportFormat) =>
  err(
    format === 'pdf'
      ? 'The database is unavailable, LibreOffice is not installed on the server, or the conversion timed out'
      : 'The database is unavailable',
  );

for (const format of ['docx', 'xlsx', 'md', 'pdf'] as const) {
  reportsRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/plans/{id}/report.${format}`,
      tags: ['reports'],
      summary: `Evaluation report as .${format} from the live evaluation 评估报告`,
      description: `${DESCRIPTIONS[format]}. Computed from approved values; the footer names the snapshot ("live-" + a content hash until stored snapshots exist).`,
      request: { params: planIdParams, query: reportQuery },
      responses: {
        200: {
          description: DESCRIPTIONS[format],
          content: { [contentType(format)]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        400: err('A final report for a year before the end of the plan, or a year outside it'),
        401: err('assessment=true without a login'),
        403: err('assessment=true by a department user'),
        404: err('No such plan'),
        422: err('Invalid parameters'),
        503: unavailable(format),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return download(
        c,
        await buildLiveReport(c.var.deps.db, c.req.valid('param').id, q, format, c.var.user ?? null),
      );
    },
  );

  // Snapshots need a login (GET /api/evaluations/{id}), and so do their reports, which also quote the
  // departments' progress reports.
  reportsRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/evaluations/{id}/report.${format}`,
      tags: ['reports'],
      summary: `Evaluation report as .${format} from a stored evaluation snapshot 评估快照报告`,
      description: `${DESCRIPTIONS[format]}. Every figure comes from the snapshot frozen by POST /api/evaluations (verdicts, values, task progress and highlights, project investment); the report kind and year are the snapshot's; the footer names the snapshot id and its engine version. Any logged-in user, like GET /api/evaluations/{id}.`,
      request: { params: snapshotIdParams, query: reportLangQuery },
      responses: {
        200: {
          description: DESCRIPTIONS[format],
          content: { [contentType(format)]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        400: err('A final snapshot of a year before the end of the plan'),
        401: err('Not logged in'),
        404: err('No such snapshot'),
        409: err('The snapshot was frozen before snapshots carried report data'),
        422: err('Invalid parameters'),
        503: unavailable(format),
      },
    }),
    async (c) => {
      requireUser(c);
      return download(
        c,
        await buildSnapshotReport(c.var.deps.db, c.req.valid('param').id, c.req.valid('query').lang, format),
      );
    },
  );
}

function download(c: Context<AppEnv>, r: RenderedReport) {
  return c.body(new Uint8Array(r.bytes), 200, {
    'content-type': r.contentType,
    'content-disposition': `attachment; filename="${r.filename}"`,
    'x-lantu-snapshot': r.model.snapshot.id,
  });
}
