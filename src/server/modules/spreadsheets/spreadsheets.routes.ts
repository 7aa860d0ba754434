import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import { templateDownload } from './template.service.ts';
import { signedIn, uploadedBytes, uploadLimit, xlsxFormBody } from './upload-body.ts';
import { uploadValues } from './upload.service.ts';
import { XLSX_MIME } from './xlsx.ts';
import { errorResponse as err } from '../../openapi-helpers.ts';

const templateParams = z.object({
  file: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}\.xlsx$/, 'a department code followed by .xlsx')
    .openapi({
      param: { name: 'file', in: 'path' },
      example: 'JFJ.xlsx',
      description: '{departmentCode}.xlsx',
    }),
});
const templateQuery = z.object({
  planId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'planId', in: 'query' },
      description: 'Default: the current master plan',
    }),
});

export const uploadReportSchema = z
  .object({
    ok: z.boolean(),
    rows: z.array(
      z.object({
        row: z.number().int().openapi({ description: 'Row number as Excel shows it' }),
        code: z.string(),
        period: z.string(),
        status: z.enum(['saved', 'error', 'unchanged']),
        message: z.string(),
        messages: z
          .object({ zh: z.string(), en: z.string() })
          .optional()
          .openapi({ description: 'The message in each language, when written in both' }),
      }),
    ),
  })
  .openapi('UploadReport');

const keepValidQuery = z.object({
  keepValid: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      param: { name: 'keepValid', in: 'query' },
      description: 'Save the valid rows even when other rows have errors',
    }),
});

export const spreadsheetsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

spreadsheetsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/templates/{file}',
    tags: ['observations'],
    summary: "A department's reporting template (.xlsx) 填报模板",
    description:
      "GET /api/templates/{departmentCode}.xlsx: that department's indicators × the plan's years with current values; " +
      'header rows and columns locked, value cells validated. Department users get their own departments only.',
    request: { params: templateParams, query: templateQuery },
    responses: {
      200: {
        description: 'The workbook',
        content: { [XLSX_MIME]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      401: err('Not logged in'),
      403: err('Not your department'),
      404: err('No such department or plan'),
      409: err('The plan has a newer version'),
    },
  }),
  async (c) => {
    const user = requireUser(c);
    const code = c.req.valid('param').file.replace(/\.xlsx$/, '');
    const db = c.var.deps.db;
    const t = await templateDownload(db, user, code, c.req.valid('query').planId, new Date());
    return c.body(new Uint8Array(t.bytes), 200, {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="${t.asciiName}"; filename*=UTF-8''${encodeURIComponent(t.fileName)}`,
    });
  },
);

spreadsheetsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/uploads',
    tags: ['observations'],
    summary: 'Upload a filled-in template (.xlsx) 上传填报表',
    description:
      'Every changed cell becomes a draft (as POST /api/observations). Nothing is saved when any row is invalid, ' +
      'unless keepValid=true (query or form field).',
    middleware: [signedIn, uploadLimit] as const,
    request: { query: keepValidQuery, ...xlsxFormBody },
    responses: {
      200: {
        description: 'Row-level report; ok=false means errors',
        content: { 'application/json': { schema: uploadReportSchema } },
      },
      401: err('Not logged in'),
      403: err('Not a user of the sheet’s department, or CSRF token missing'),
      409: err('The template is for an older version of the plan'),
      413: err('File over 20 MB, or inflates too much (zip bomb)'),
      415: err('Not an .xlsx'),
      422: err('Not a lantu template'),
    },
  }),
  async (c) => {
    const user = requireUser(c);
    const form = c.req.valid('form');
    const keepValid = c.req.valid('query').keepValid === 'true' || form.keepValid === 'true';
    const report = await uploadValues(c.var.deps.db, user, await uploadedBytes(form.file), keepValid);
    return c.json(report, 200);
  },
);
