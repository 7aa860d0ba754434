import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { LantuError } from '../../../domain/errors.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { errorBody } from '../../errors.ts';
import { MAX_UPLOAD_BYTES } from './xlsx.ts';

/** A multipart form with one .xlsx file, as documented in OpenAPI. */
export const xlsxFormSchema = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { message: 'Attach the .xlsx as the form field "file"' })
      .openapi({ type: 'string', format: 'binary', description: '.xlsx, at most 20 MB' }),
    keepValid: z.enum(['true', 'false']).optional().openapi({
      description: 'Save the valid rows even when other rows have errors',
    }),
  })
  .openapi('XlsxUpload');

export const xlsxFormBody = {
  body: { content: { 'multipart/form-data': { schema: xlsxFormSchema } }, required: true },
};

/** Refuses the anonymous before their body is read. */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireUser(c);
  await next();
};

/** Refuses bodies over the upload limit before they are read in full (multipart overhead allowed). */
export const uploadLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
  onError: (c) =>
    c.json(
      errorBody('payload_too_large', {
        zh: '文件过大',
        en: `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
      }),
      413,
    ),
});

/** The bytes of the uploaded file; names other than .xlsx are refused before reading them. */
export async function uploadedBytes(file: File): Promise<Uint8Array> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new LantuError('payload_too_large', {
      zh: `文件过大`,
      en: `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
    });
  }
  if (file.name && !/\.xlsx$/i.test(file.name)) {
    throw new LantuError('unsupported_input', {
      zh: '仅支持xlsx',
      en: `Only .xlsx workbooks are accepted, not ${file.name}`,
    });
  }
  return new Uint8Array(await file.arrayBuffer());
}
