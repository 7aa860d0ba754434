import type { z } from '@hono/zod-openapi';
import { errorBodySchema } from './errors.ts';

/** A JSON response entry for a route's `responses`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** An error response entry: every error has the shape of `errorBodySchema`. */
export const errorResponse = (description: string) => jsonResponse(errorBodySchema, description);

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
