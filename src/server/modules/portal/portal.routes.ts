import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env.ts';
import { clientKey } from '../../auth/session.middleware.ts';
import { isLantuError } from '../../../domain/errors.ts';
import { FEEDBACK_TARGETS, type FeedbackTarget } from '../../../domain/feedback.ts';
import { installationSecret, issueChallenge } from '../feedback/anti-bot.ts';
import { replyStats, submitFeedback } from '../feedback/feedback.service.ts';
import { responseCacheFor } from '../../cache/response-cache.ts';
import {
  publicEvaluation,
  publicIndicators,
  publicIndicatorValues,
  publicProjects,
  resolvePlanId,
} from '../public/public.service.ts';
import { publishedComments } from '../public/public-feedback.service.ts';
import { planHeader, reportYears } from './portal.service.ts';
import { pickLang, type Lang } from './portal.i18n.ts';
import {
  CHALLENGE_SLOT,
  commentsBlock,
  feedbackPage,
  indicatorPage,
  layout,
  notFoundPage,
  overviewPage,
  projectPage,
  projectsPage,
  reportsPage,
} from './portal.pages.ts';

const CSS = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');
/** Errors a comment form can come back with; the page shows a fixed message for each, never echoed text. */
const FORM_ERRORS = ['bad_request', 'validation_failed', 'rate_limited', 'not_found'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function langOf(c: Context<AppEnv>): Lang {
  const q = c.req.query('lang');
  const lang = pickLang(q, getCookie(c, 'lantu_lang'));
  if (q === 'en' || q === 'zh')
    setCookie(c, 'lantu_lang', q, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
  return lang;
}

/**
 * Pages are built once per data version and language; the form token is filled in per request. A page showing
 * a one-off message (after posting a comment) is built fresh and not cached.
 */
async function html(c: Context<AppEnv>, key: string, build: () => Promise<string>): Promise<Response> {
  const oneOff = c.req.query('sent') !== undefined || c.req.query('error') !== undefined;
  const page = oneOff
    ? await build()
    : (
        await responseCacheFor(c.var.deps.db).get(`page:${key}`, async () => ({
          body: await build(),
          contentType: 'text/html',
        }))
      ).body;
  const body = page.includes(CHALLENGE_SLOT)
    ? page.replaceAll(CHALLENGE_SLOT, issueChallenge(await installationSecret(c.var.deps.db)))
    : page;
  return c.html(body, 200, { 'Cache-Control': 'no-cache' });
}

export const portalRoutes = new Hono<AppEnv>();

portalRoutes.get('/assets/portal.css', (c) =>
  c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
);

portalRoutes.get('/', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, `overview:${planId}:${lang}`, async () => {
    const [plan, evaluation] = await Promise.all([
      planHeader(c.var.deps.db, planId),
      publicEvaluation(c.var.deps.db, planId),
    ]);
    const { items, year } = await publicIndicators(c.var.deps.db, planId, evaluation);
    return layout(
      lang,
      plan.title,
      'overview',
      '/public',
      overviewPage(lang, plan, { year, items, sentence: evaluation.summary.sentence }),
    );
  });
});

async function comments(c: Context<AppEnv>, lang: Lang, type: FeedbackTarget, id: string): Promise<string> {
  const rows = await publishedComments(c.var.deps.db, { targetType: type, targetId: id });
  const sent = c.req.query('sent') === '1';
  const error = FORM_ERRORS.find((code) => code === c.req.query('error')) ?? null;
  return commentsBlock(lang, { type, id }, rows, sent, error);
}

portalRoutes.get('/indicators/:id', async (c) => {
  const lang = langOf(c);
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.html(layout(lang, '404', 'indicators', '/public', notFoundPage(lang)), 404);
  return html(c, `indicator:${id}:${lang}`, async () => {
    const v = await publicIndicatorValues(c.var.deps.db, id);
    return layout(
      lang,
      v.indicator.name,
      'indicators',
      `/public/indicators/${id}`,
      indicatorPage(lang, v, await comments(c, lang, 'indicator', id)),
    );
  });
});

portalRoutes.get('/projects', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, `projects:${planId}:${lang}`, async () =>
    layout(
      lang,
      'projects',
      'projects',
      '/public/projects',
      projectsPage(lang, await publicProjects(c.var.deps.db, planId)),
    ),
  );
});

portalRoutes.get('/projects/:id', async (c) => {
  const lang = langOf(c);
  const id = c.req.param('id');
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  const project = UUID.test(id)
    ? (await publicProjects(c.var.deps.db, planId)).find((p) => p.id === id)
    : undefined;
  if (!project) return c.html(layout(lang, '404', 'projects', '/public/projects', notFoundPage(lang)), 404);
  return html(c, `project:${id}:${lang}`, async () =>
    layout(
      lang,
      project.name,
      'projects',
      `/public/projects/${id}`,
      projectPage(lang, project, await comments(c, lang, 'project', id)),
    ),
  );
});

portalRoutes.get('/reports', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, `reports:${planId}:${lang}`, async () => {
    const plan = await planHeader(c.var.deps.db, planId);
    const years = await reportYears(c.var.deps.db, plan);
    return layout(lang, 'reports', 'reports', '/public/reports', reportsPage(lang, plan, years));
  });
});

portalRoutes.get('/feedback', async (c) => {
  const lang = langOf(c);
  return html(c, `feedback:${lang}`, async () => {
    const [rows, stats] = await Promise.all([publishedComments(c.var.deps.db), replyStats(c.var.deps.db)]);
    return layout(lang, 'feedback', 'feedback', '/public/feedback', feedbackPage(lang, rows, stats));
  });
});

/** The comment form works without JavaScript: a plain POST, then back to the page with a message. */
portalRoutes.post('/feedback', async (c) => {
  // url-encoded only: a multipart body would bypass the request-body limit (body-guard.ts)
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    return c.text('Unsupported form encoding', 415);
  const form = await c.req.parseBody();
  const field = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
  const targetType = FEEDBACK_TARGETS.find((t) => t === field('targetType'));
  const targetId = field('targetId');
  if (!targetType || !UUID.test(targetId)) return c.text('Bad request', 400);
  const back = `/public/${targetType === 'project' ? 'projects' : targetType === 'indicator' ? 'indicators' : 'nodes'}/${targetId}`;
  try {
    await submitFeedback(
      c.var.deps.db,
      {
        targetType,
        targetId,
        body: field('body'),
        name: field('name'),
        contact: field('contact'),
        challenge: field('challenge'),
        website: field('website'),
      },
      clientKey(c),
    );
    return c.redirect(`${back}?sent=1#comments`, 303);
  } catch (e) {
    if (!isLantuError(e)) throw e;
    const code = FORM_ERRORS.find((k) => k === e.code) ?? 'bad_request';
    return c.redirect(`${back}?error=${code}#comments`, 303);
  }
});

portalRoutes.get('*', (c) => {
  const lang = langOf(c);
  return c.html(layout(lang, '404', 'overview', '/public', notFoundPage(lang)), 404);
});
