import { z } from '@hono/zod-openapi';
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

/** The path parameter `{id}` of a route on one item: a UUID. */
export const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A calendar year as the API takes one (a plan's period, a report's or a work plan's year): 1900 to 2200. */
export const calendarYear = z.number().int().min(1900).max(2200);

/** The same year read from a path or a query string. */
export const calendarYearParam = z.coerce.number().int().min(1900).max(2200);

/** `{id}` and `{year}` in the path: one item (a plan) in one year. */
export const idYearParams = idParams.extend({
  year: calendarYearParam.openapi({ param: { name: 'year', in: 'path' } }),
});
