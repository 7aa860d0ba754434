import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, idParams, jsonResponse as json } from '../../openapi-helpers.ts';
import { indicatorsCsv, indicatorValuesCsv, projectsCsv } from './public-exports.service.ts';
import { cachedBody, cachedValue, notModified } from './public-http.ts';
import {
  planQuery,
  publicIndicatorListSchema,
  publicProjectSchema,
  publicValuesSchema,
} from './public.schemas.ts';
import {
  publicEvaluation,
  publicIndicators,
  publicIndicatorValues,
  publicProjects,
  resolvePlanId,
} from './public.service.ts';

const csv = (d: string) => ({
  description: `${d} (UTF-8 CSV with BOM)`,
  content: { 'text/csv': { schema: z.string() } },
});
const CSV_TYPE = 'text/csv; charset=utf-8';

/** The public API's data: indicators, values, projects and the latest evaluation, as JSON and CSV. */
export const publicRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators',
    tags: ['public'],
    summary: 'Published indicators with their latest verdict 公开指标',
    request: { query: planQuery },
    responses: {
      200: json(publicIndicatorListSchema, 'Approved data only'),
      304: notModified,
      404: err('No plan'),
    },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cachedValue(c, `indicators:${planId}`, () => publicIndicators(c.var.deps.db, planId));
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators.csv',
    tags: ['public'],
    summary: 'Published indicators as CSV 指标数据下载',
    request: { query: planQuery },
    responses: { 200: csv('One row per indicator'), 304: notModified, 404: err('No plan') },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cachedBody(
      c,
      `indicators.csv:${planId}`,
      () => indicatorsCsv(c.var.deps.db, planId),
      CSV_TYPE,
      'indicators.csv',
    );
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators/{id}/values',
    tags: ['public'],
    summary: 'Approved values of an indicator with its target path 指标数据',
    request: { params: idParams },
    responses: {
      200: json(publicValuesSchema, 'Approved values only'),
      304: notModified,
      404: err('No such indicator'),
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedValue(c, `values:${id}`, () => publicIndicatorValues(c.var.deps.db, id));
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators/{id}/values.csv',
    tags: ['public'],
    summary: 'Approved values of an indicator as CSV',
    request: { params: idParams },
    responses: { 200: csv('One row per period'), 304: notModified, 404: err('No such indicator') },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedBody(
      c,
      `values.csv:${id}`,
      () => indicatorValuesCsv(c.var.deps.db, id),
      CSV_TYPE,
      'values.csv',
    );
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/projects',
    tags: ['public'],
    summary: 'Major projects 重大项目',
    request: { query: planQuery },
    responses: {
      200: json(z.object({ items: z.array(publicProjectSchema) }), 'Projects of the plan'),
      304: notModified,
      404: err('No plan'),
    },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cachedValue(c, `projects:${planId}`, async () => ({
      items: await publicProjects(c.var.deps.db, planId),
    }));
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/projects.csv',
    tags: ['public'],
    summary: 'Major projects as CSV',
    request: { query: planQuery },
    responses: { 200: csv('One row per project'), 304: notModified, 404: err('No plan') },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cachedBody(
      c,
      `projects.csv:${planId}`,
      () => projectsCsv(c.var.deps.db, planId),
      CSV_TYPE,
      'projects.csv',
    );
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/evaluations/latest',
    tags: ['public'],
    summary: 'The latest evaluation on published data 最新评估',
    description:
      'Approved values judged at the year the workspace also opens at: the last full calendar year in LANTU_TIME_ZONE, within the plan period 上一完整年度（规划期内）',
    request: { query: planQuery },
    responses: {
      200: json(z.looseObject({ year: z.number().int() }), 'Verdicts and summary'),
      304: notModified,
      404: err('No plan'),
    },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cachedValue(c, `evaluation:${planId}`, () => publicEvaluation(c.var.deps.db, planId));
  },
);
