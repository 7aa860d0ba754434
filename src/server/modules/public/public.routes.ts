import { SOURCE_KIND_LABELS, type SourceKind } from '../../../domain/provenance.ts';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { clientKey } from '../../auth/session.middleware.ts';
import { validationHook } from '../../errors.ts';
import { feedbackRepository } from '../../../db/repositories/feedback.repository.ts';
import { verdictLabel } from '../../../domain/evaluation/index.ts';
import { installationSecret, issueChallenge } from '../feedback/anti-bot.ts';
import { replyStats, submitFeedback } from '../feedback/feedback.service.ts';
import { atomFeed } from './atom.ts';
import { responseCacheFor } from '../../cache/response-cache.ts';
import {
  feedbackBodySchema,
  feedbackListQuery,
  idParams,
  planQuery,
  publicIndicatorListSchema,
  publicProjectSchema,
  publicValuesSchema,
  publishedFeedbackSchema,
  replyStatsSchema,
} from './public.schemas.ts';
import {
  publicEvaluation,
  publicIndicators,
  publicIndicatorValues,
  publicProjects,
  resolvePlanId,
  toCsv,
} from './public.service.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

const csv = (d: string) => ({
  description: `${d} (UTF-8 CSV with BOM)`,
  content: { 'text/csv': { schema: z.string() } },
});
const atom = (d: string) => ({ description: d, content: { 'application/atom+xml': { schema: z.string() } } });

/** Serves a precomputed body with ETag; answers If-None-Match with 304. */
async function cached(
  c: Context<AppEnv>,
  key: string,
  build: () => Promise<{ body: string; contentType: string }>,
  download?: string,
): Promise<Response> {
  const entry = await responseCacheFor(c.var.deps.db).get(key, build);
  const headers: Record<string, string> = {
    ETag: entry.etag,
    'Cache-Control': 'public, max-age=30, stale-while-revalidate=60',
    'Content-Type': entry.contentType,
  };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download}"`;
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, 200, headers);
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** "公开统计数据 · 经济概述" — the kind of source and its title. */
const sourceLine = (s: { kind: SourceKind; title: string | null }): string =>
  [SOURCE_KIND_LABELS[s.kind].zh, s.title].filter((x) => x !== null).join(' · ');
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export const publicRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators',
    tags: ['public'],
    summary: 'Published indicators with their latest verdict 公开指标',
    request: { query: planQuery },
    responses: { 200: json(publicIndicatorListSchema, 'Approved data only'), 404: err('No plan') },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cached(c, `indicators:${planId}`, async () => ({
      body: JSON.stringify(await publicIndicators(c.var.deps.db, planId)),
      contentType: JSON_TYPE,
    })) as never;
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators.csv',
    tags: ['public'],
    summary: 'Published indicators as CSV 指标数据下载',
    request: { query: planQuery },
    responses: { 200: csv('One row per indicator'), 404: err('No plan') },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cached(
      c,
      `indicators.csv:${planId}`,
      async () => {
        const { items, year } = await publicIndicators(c.var.deps.db, planId);
        return {
          body: toCsv(
            [
              '编码 code',
              '类别 category',
              '指标 indicator',
              '单位 unit',
              '属性 attribute',
              '基期值 baseline',
              '目标值 target',
              '最新年份 latest year',
              '最新值 latest value',
              `${year}年评价 verdict`,
              '数据来源 source',
              '来源地址 source address',
              '发布日期 released',
            ],
            items.map((i) => [
              i.code,
              i.category,
              i.name,
              i.unit,
              i.attribute === 'binding' ? '约束性' : '预期性',
              i.baseline,
              i.target,
              i.latestYear,
              i.latestValue ?? i.latestText,
              verdictLabel(i.verdict).zh,
              i.latestSource === null ? null : sourceLine(i.latestSource),
              i.latestSource?.url ?? null,
              i.latestSource?.releasedOn ?? null,
            ]),
          ),
          contentType: CSV_TYPE,
        };
      },
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
    responses: { 200: json(publicValuesSchema, 'Approved values only'), 404: err('No such indicator') },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cached(c, `values:${id}`, async () => ({
      body: JSON.stringify(await publicIndicatorValues(c.var.deps.db, id)),
      contentType: JSON_TYPE,
    })) as never;
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/indicators/{id}/values.csv',
    tags: ['public'],
    summary: 'Approved values of an indicator as CSV',
    request: { params: idParams },
    responses: { 200: csv('One row per period'), 404: err('No such indicator') },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    return cached(
      c,
      `values.csv:${id}`,
      async () => {
        const v = await publicIndicatorValues(c.var.deps.db, id);
        return {
          body: toCsv(
            [
              '指标 indicator',
              '期间 period',
              '数值 value',
              '说明 text',
              '数据来源 source',
              '原文 as printed',
              '来源地址 source address',
              '发布日期 released',
              '修订版次 revision',
              '口径 basis',
            ],
            v.values.map((x) => [
              v.indicator.name,
              x.period,
              x.value,
              x.text,
              sourceLine(x.source),
              x.source.quote,
              x.source.url,
              x.source.releasedOn,
              x.source.revision,
              x.source.basis,
            ]),
          ),
          contentType: CSV_TYPE,
        };
      },
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
      404: err('No plan'),
    },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cached(c, `projects:${planId}`, async () => ({
      body: JSON.stringify({ items: await publicProjects(c.var.deps.db, planId) }),
      contentType: JSON_TYPE,
    })) as never;
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/projects.csv',
    tags: ['public'],
    summary: 'Major projects as CSV',
    request: { query: planQuery },
    responses: { 200: csv('One row per project'), 404: err('No plan') },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cached(
      c,
      `projects.csv:${planId}`,
      async () => {
        const items = await publicProjects(c.var.deps.db, planId);
        return {
          body: toCsv(
            [
              '编码 code',
              '项目 project',
              '类别 category',
              '片区 area',
              '总投资 investment',
              '单位 unit',
              '开工 start',
              '完工 end',
              '阶段 stage',
            ],
            items.map((p) => [
              p.code,
              p.name,
              p.category,
              p.spatialUnit,
              p.totalInvestment,
              p.investmentUnit,
              p.startYear,
              p.endYear,
              p.stage,
            ]),
          ),
          contentType: CSV_TYPE,
        };
      },
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
    request: { query: planQuery },
    responses: {
      200: json(z.looseObject({ year: z.number().int() }), 'Verdicts and summary'),
      404: err('No plan'),
    },
  }),
  async (c) => {
    const planId = await resolvePlanId(c.var.deps.db, c.req.valid('query').planId);
    return cached(c, `evaluation:${planId}`, async () => ({
      body: JSON.stringify(await publicEvaluation(c.var.deps.db, planId)),
      contentType: JSON_TYPE,
    })) as never;
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback/challenge',
    tags: ['public'],
    summary: 'A form token for posting a comment (anti-bot)',
    responses: { 200: json(z.object({ challenge: z.string() }), 'Valid from 3 s to 1 h after issue') },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ challenge: issueChallenge(await installationSecret(c.var.deps.db)) }, 200);
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/feedback',
    tags: ['public'],
    summary: 'Post a comment (moderated before publication) 提交监督意见',
    request: { body: { content: { 'application/json': { schema: feedbackBodySchema } }, required: true } },
    responses: {
      202: json(z.object({ id: z.uuid(), status: z.literal('pending') }), 'Received; shown after moderation'),
      400: err('Failed the form check'),
      404: err('No such item'),
      422: err('Invalid comment'),
      429: err('Too many comments'),
    },
  }),
  async (c) => c.json(await submitFeedback(c.var.deps.db, c.req.valid('json'), clientKey(c)), 202),
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback',
    tags: ['public'],
    summary: 'Published comments with their replies 已公开意见及答复',
    request: { query: feedbackListQuery },
    responses: { 200: json(z.object({ items: z.array(publishedFeedbackSchema) }), 'Newest first') },
  }),
  (c) => {
    const q = c.req.valid('query');
    return cached(c, `feedback:${q.targetType ?? ''}:${q.targetId ?? ''}`, async () => {
      const rows = await feedbackRepository.list(c.var.deps.db, { status: 'published', ...q });
      const items = rows.map((f) => ({
        id: f.id,
        body: f.publicBody ?? '',
        name: f.name,
        createdAt: new Date(f.createdAt).toISOString(),
        reply: f.reply
          ? {
              body: f.reply.body,
              createdAt: new Date(f.reply.createdAt).toISOString(),
              departmentName: f.reply.departmentName,
            }
          : null,
      }));
      return { body: JSON.stringify({ items }), contentType: JSON_TYPE };
    }) as never;
  },
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feedback/stats',
    tags: ['public'],
    summary: "Each department's reply rate and median reply time 部门答复率",
    responses: { 200: json(replyStatsSchema, 'Per department') },
  }),
  (c) =>
    cached(c, 'feedback-stats', async () => ({
      body: JSON.stringify({ items: await replyStats(c.var.deps.db) }),
      contentType: JSON_TYPE,
    })) as never,
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feeds/replies.atom',
    tags: ['public'],
    summary: 'Atom feed of all official replies',
    responses: { 200: atom('Newest first') },
  }),
  (c) =>
    cached(c, 'feed:replies', async () => {
      const rows = (await feedbackRepository.list(c.var.deps.db, { status: 'published' })).filter(
        (f) => f.reply,
      );
      return {
        body: atomFeed({
          id: 'urn:lantu:replies',
          title: '蓝图 lantu — 部门答复 official replies',
          link: '/public',
          entries: rows.map((f) => ({
            id: f.id,
            title: `${f.reply!.departmentName} 答复`,
            updated: new Date(f.reply!.createdAt),
            content: `意见：${f.publicBody ?? ''}\n答复：${f.reply!.body}`,
            link: `/public/feedback/${f.id}`,
          })),
        }),
        contentType: ATOM_TYPE,
      };
    }) as never,
);

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/feeds/{targetType}/{id}',
    tags: ['public'],
    summary: 'Atom feed of the comments and replies on one item',
    request: {
      params: z.object({
        targetType: z
          .enum(['node', 'indicator', 'project'])
          .openapi({ param: { name: 'targetType', in: 'path' } }),
        id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
      }),
    },
    responses: { 200: atom('Newest first') },
  }),
  async (c) => {
    const { targetType, id } = c.req.valid('param');
    return cached(c, `feed:${targetType}:${id}`, async () => {
      const rows = await feedbackRepository.list(c.var.deps.db, {
        status: 'published',
        targetType,
        targetId: id,
      });
      return {
        body: atomFeed({
          id: `urn:lantu:${targetType}:${id}`,
          title: '蓝图 lantu — 监督意见 comments',
          link: `/public`,
          entries: rows.map((f) => ({
            id: f.id,
            title: f.reply ? '意见及答复 comment and reply' : '意见 comment',
            updated: new Date(f.reply?.createdAt ?? f.moderatedAt ?? f.createdAt),
            content: f.reply
              ? `${f.publicBody ?? ''}\n答复（${f.reply.departmentName}）：${f.reply.body}`
              : (f.publicBody ?? ''),
            link: `/public/feedback/${f.id}`,
          })),
        }),
        contentType: ATOM_TYPE,
      };
    });
  },
);
