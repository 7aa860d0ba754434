import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LantuError } from '../../../domain/errors.ts';
import { countNodes } from '../../../domain/plan.ts';
import { MAX_INPUT_BYTES } from '../../../importers/import-plan.ts';
import { importReportSchema } from '../../../importers/plan-document.ts';
import { parsePool } from '../../../importers/worker/parse-pool.ts';
import type { AppEnv } from '../../app-env.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';
import { describeImport, savePlanDataset } from './plans.import.ts';
import { versionDiffSchema } from '../plan-versions/plan-versions.schemas.ts';

const importQuery = z.object({
  filename: z
    .string()
    .max(255)
    .openapi({ example: 'outline.docx', description: 'Picks the reader by extension' }),
  planId: z
    .uuid()
    .optional()
    .openapi({ description: 'Save as a new version (a draft until published) of this plan' }),
  predecessor: z.uuid().optional().openapi({
    description: 'The plan this one follows (the 14th for the 15th): continuing indicators link',
  }),
  preview: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({ description: 'true = parse and compare only; false = save' }),
});

const previewSchema = z
  .object({
    /** What to check before saving: headings per level with gaps, tables not understood, … */
    report: importReportSchema,
    saved: z.boolean(),
    planId: z.uuid().nullable(),
    version: z.number().int().nullable(),
    title: z.string(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    counts: z.object({
      parts: z.number().int(),
      chapters: z.number().int(),
      sections: z.number().int(),
      tasks: z.number().int(),
      boxes: z.number().int(),
      figures: z.number().int(),
      tableIndicators: z.number().int(),
      proseTargets: z.number().int(),
    }),
    tree: z.array(
      z.object({
        number: z.string().nullable(),
        title: z.string(),
        children: z.array(z.object({ number: z.string().nullable(), title: z.string() })),
      }),
    ),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        baseline: z.string().nullable(),
        target: z.string().nullable(),
        kind: z.string(),
      }),
    ),
    changes: z.array(z.string()),
    /** What publishing the new version carries over from the version in use, what is new, removed, orphaned. */
    versionDiff: versionDiffSchema,
  })
  .openapi('PlanImport');

export const plansImportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

plansImportRoutes.use(
  '/plans/import',
  bodyLimit({
    maxSize: MAX_INPUT_BYTES,
    onError: () => {
      throw new LantuError('payload_too_large', {
        zh: `规划文档不能超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，请压缩或拆分后再导入`,
        en: `A plan document may be at most ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
      });
    },
  }),
);

plansImportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/import',
    tags: ['plans'],
    summary:
      'Import a plan outline (.docx/.pdf/.txt/.md): preview the parsed plan and its import report, then save it (admin) 导入规划纲要',
    request: {
      query: importQuery,
      body: {
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        required: true,
      },
    },
    responses: {
      200: ok(previewSchema, 'The parsed plan, what would change, and whether it was saved'),
      401: err('Not logged in'),
      403: err('Not an admin, or CSRF token missing'),
      404: err('planId not found'),
      413: err(
        'Over 50 MB, a zip that inflates too far, more paragraphs or headings than a plan has, or reading took too long',
      ),
      415: err(
        'Not a .docx, .pdf, .txt or .md; a PDF without a text layer (OCR is not supported) or encrypted',
      ),
      429: err('Too many documents already waiting to be read'),
      422: err('Not a plan outline (the message names the line or paragraph)'),
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'importPlan', 'office');
    const q = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // Read and structured in the parsing worker: seconds of work for a large file, off the event loop.
    const { report, dataset } = await parsePool().run({
      kind: 'plan',
      input: { bytes, filename: q.filename },
    });
    const db = c.var.deps.db;
    const opts = {
      ...(q.planId ? { planId: q.planId } : {}),
      ...(q.predecessor ? { predecessorId: q.predecessor } : {}),
    };
    const described = await describeImport(db, dataset, opts);
    const { main, changes, diff } = described;
    const actor = { id: admin.id, label: admin.email };
    const result =
      q.preview === 'false' ? await savePlanDataset(db, dataset, { ...opts, actor }, described) : null;

    const table = main.indicators.filter((i) => i.origin === 'table');
    return c.json(
      {
        report,
        saved: result?.saved ?? false,
        planId: result?.planId ?? null,
        version: result?.version ?? null,
        title: main.title,
        periodStart: main.periodStart,
        periodEnd: main.periodEnd,
        counts: {
          parts: countNodes(main.nodes, 'part'),
          chapters: countNodes(main.nodes, 'chapter'),
          sections: countNodes(main.nodes, 'section'),
          tasks: countNodes(main.nodes, 'task'),
          boxes: countNodes(main.nodes, 'box'),
          figures: countNodes(main.nodes, 'figure'),
          tableIndicators: table.length,
          proseTargets: main.indicators.length - table.length,
        },
        tree: main.nodes.map((n) => ({
          number: n.number,
          title: n.title,
          children: n.children
            .filter((k) => k.kind === 'chapter')
            .map((k) => ({ number: k.number, title: k.title })),
        })),
        indicators: table.map((i) => ({
          code: i.code,
          name: i.name,
          baseline: i.baseline?.raw ?? null,
          target: i.target?.raw ?? null,
          kind: i.kind,
        })),
        changes,
        versionDiff: diff,
      },
      200,
    );
  },
);
