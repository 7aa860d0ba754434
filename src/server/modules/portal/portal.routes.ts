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
  loadPublicEvaluation,
  publicIndicators,
  publicIndicatorValues,
  publicProjects,
  resolvePlanId,
} from '../public/public.service.ts';
import { publishedComments } from '../public/public-feedback.service.ts';
import {
  indicatorMeasures,
  nodePageData,
  planHeader,
  planOutlineData,
  publicTaskWork,
  reportYears,
} from './portal.service.ts';
import { planOutlinePage } from './portal.task-page.ts';
import { pickLang, t, type Lang } from './portal.i18n.ts';
import {
  commentForm,
  commentsBlock,
  EMPTY_FORM,
  FORM_ERRORS,
  FORM_SLOT,
  type FormState,
} from './portal.comments.ts';
import { departmentNamer, namedReplies, namedStats } from './portal.departments.ts';
import { itemPagePath } from './portal.links.ts';
import { nodePage } from './portal.node-page.ts';
import { portalQuery, searchPage } from './portal.search.ts';
import { searchPlan } from '../search/search.service.ts';
import {
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function langOf(c: Context<AppEnv>): Lang {
  const q = c.req.query('lang');
  const lang = pickLang(q, getCookie(c, 'lantu_lang'));
  if (q === 'en' || q === 'zh')
    setCookie(c, 'lantu_lang', q, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
  return lang;
}

/**
 * Pages are built once per data version and language, keyed by the parameters the page knows (never the query
 * string as a whole: `?sent=1` or `?x=random` cannot make a visitor's request rebuild one). What differs per
 * request — the comment form with its message, the citizen's text and a fresh token — is drawn into the cached
 * page's form slot.
 */
async function html(
  c: Context<AppEnv>,
  lang: Lang,
  key: string,
  build: () => Promise<string>,
  form: FormState = formStateOf(c),
  status: 200 | 400 | 404 | 409 | 422 | 429 = 200,
): Promise<Response> {
  const page = (
    await responseCacheFor(c.var.deps.db).get(`page:${key}`, async () => ({
      body: await build(),
      contentType: 'text/html',
    }))
  ).body;
  const slot = FORM_SLOT.exec(page);
  const body =
    slot?.[1] && slot[2]
      ? page.replace(
          FORM_SLOT,
          commentForm(
            lang,
            { type: slot[1] as FeedbackTarget, id: slot[2] },
            form,
            issueChallenge(await installationSecret(c.var.deps.db)),
          ),
        )
      : page;
  return c.html(body, status, { 'Cache-Control': 'no-cache' });
}

/** The one-off message a GET may ask for after a post (?sent=1 / ?error=code); nothing else is read. */
function formStateOf(c: Context<AppEnv>): FormState {
  const error = FORM_ERRORS.find((code) => code === c.req.query('error')) ?? null;
  return { ...EMPTY_FORM, sent: c.req.query('sent') === '1', error };
}

export const portalRoutes = new Hono<AppEnv>();

portalRoutes.get('/assets/portal.css', (c) =>
  c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
);

portalRoutes.get('/', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, lang, `overview:${planId}:${lang}`, async () => {
    const [plan, loaded] = await Promise.all([
      planHeader(c.var.deps.db, planId),
      loadPublicEvaluation(c.var.deps.db, planId),
    ]);
    const { evaluation } = loaded;
    const { items, year } = await publicIndicators(c.var.deps.db, planId, loaded);
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
  return commentsBlock(lang, { type, id }, namedReplies(rows, await departmentNamer(c.var.deps.db, lang)));
}

const notFound = (c: Context<AppEnv>, lang: Lang) =>
  c.html(layout(lang, '404', 'overview', '/public', notFoundPage(lang)), 404);

type FormStatus = 400 | 404 | 409 | 422 | 429;

/** The public page of a commentable item, with its form in the given state (GET, or a refused POST). */
async function itemPage(
  c: Context<AppEnv>,
  lang: Lang,
  type: FeedbackTarget,
  id: string,
  form?: FormState,
  status?: FormStatus,
): Promise<Response> {
  if (!UUID.test(id)) return notFound(c, lang);
  try {
    const build = await itemPageBuilder(c, lang, type, id);
    return build ? await html(c, lang, `${type}:${id}:${lang}`, build, form, status) : notFound(c, lang);
  } catch (e) {
    if (isLantuError(e) && e.code === 'not_found') return notFound(c, lang);
    throw e;
  }
}

/** How to build an item's page (run once per data version and language); null when there is no such item. */
async function itemPageBuilder(
  c: Context<AppEnv>,
  lang: Lang,
  type: FeedbackTarget,
  id: string,
): Promise<(() => Promise<string>) | null> {
  const db = c.var.deps.db;
  const path = itemPagePath(type, id);
  switch (type) {
    case 'indicator':
      return async () => {
        const v = await publicIndicatorValues(db, id);
        return layout(
          lang,
          v.indicator.name,
          'indicators',
          path,
          indicatorPage(
            lang,
            v,
            await comments(c, lang, 'indicator', id),
            await indicatorMeasures(db, id, v.indicator.verdict),
          ),
        );
      };
    case 'project': {
      const planId = await resolvePlanId(db, undefined);
      const project = (await publicProjects(db, planId)).find((p) => p.id === id);
      if (!project) return null;
      return async () =>
        layout(
          lang,
          project.name,
          'projects',
          path,
          projectPage(lang, project, await comments(c, lang, 'project', id)),
        );
    }
    case 'node':
      return async () => {
        const { plan, nodes, node, latest } = await nodePageData(db, id);
        const progress = node.kind === 'task' ? await publicTaskWork(db, id) : null;
        return layout(
          lang,
          node.title,
          'planTasks',
          path,
          nodePage(lang, { plan, nodes, node, progress, latest }, await comments(c, lang, 'node', id)),
        );
      };
  }
}

portalRoutes.get('/indicators/:id', (c) => itemPage(c, langOf(c), 'indicator', c.req.param('id')));
portalRoutes.get('/projects/:id', (c) => itemPage(c, langOf(c), 'project', c.req.param('id')));
portalRoutes.get('/nodes/:id', (c) => itemPage(c, langOf(c), 'node', c.req.param('id')));

portalRoutes.get('/plan', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, lang, `plan:${planId}:${lang}`, async () => {
    const { plan, nodes, latest } = await planOutlineData(c.var.deps.db, planId);
    return layout(
      lang,
      t(lang, 'planTasks'),
      'planTasks',
      '/public/plan',
      planOutlinePage(lang, plan, nodes, latest),
    );
  });
});

portalRoutes.get('/projects', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, lang, `projects:${planId}:${lang}`, async () =>
    layout(
      lang,
      'projects',
      'projects',
      '/public/projects',
      projectsPage(lang, await publicProjects(c.var.deps.db, planId)),
    ),
  );
});

portalRoutes.get('/reports', async (c) => {
  const lang = langOf(c);
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  return html(c, lang, `reports:${planId}:${lang}`, async () => {
    const plan = await planHeader(c.var.deps.db, planId);
    const years = reportYears(plan);
    return layout(lang, 'reports', 'reports', '/public/reports', reportsPage(lang, plan, years));
  });
});

portalRoutes.get('/feedback', async (c) => {
  const lang = langOf(c);
  return html(c, lang, `feedback:${lang}`, async () => {
    const db = c.var.deps.db;
    const [rows, stats, name] = await Promise.all([
      publishedComments(db),
      replyStats(db),
      departmentNamer(db, lang),
    ]);
    const page = feedbackPage(lang, namedReplies(rows, name), namedStats(stats, name));
    return layout(lang, 'feedback', 'feedback', '/public/feedback', page);
  });
});

/**
 * The comment form works without JavaScript: a plain POST, then back to the page with a thank-you. A refused
 * post answers the item's page itself, with the reason and the citizen's text kept in the form.
 */
portalRoutes.post('/feedback', async (c) => {
  // url-encoded only: a multipart body would bypass the request-body limit (body-guard.ts)
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    return c.text('Unsupported form encoding', 415);
  const form = await c.req.parseBody();
  const field = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
  const targetType = FEEDBACK_TARGETS.find((t) => t === field('targetType'));
  const targetId = field('targetId');
  if (!targetType || !UUID.test(targetId)) return c.text('Bad request', 400);
  const lang = langOf(c);
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
    return c.redirect(`${itemPagePath(targetType, targetId)}?sent=1#comments`, 303);
  } catch (e) {
    if (!isLantuError(e)) throw e;
    const error = FORM_ERRORS.find((k) => k === e.code) ?? 'bad_request';
    const values = { body: field('body'), name: field('name'), contact: field('contact') };
    const status = e.httpStatus === 409 || e.httpStatus === 422 || e.httpStatus === 429 ? e.httpStatus : 400;
    return itemPage(c, lang, targetType, targetId, { sent: false, error, values }, status);
  }
});

/**
 * 检索 without JavaScript: GET /public/search?q= answers a page of the published plan's hits (text, indicators,
 * projects, comments) from the same search as GET /api/plans/{id}/search. Not cached: the query is the visitor's.
 */
portalRoutes.get('/search', async (c) => {
  const lang = langOf(c);
  const { q, error } = portalQuery(c.req.query('q'));
  const planId = await resolvePlanId(c.var.deps.db, undefined);
  const result = q && !error ? await searchPlan(c.var.deps.db, planId, { q, limit: 20 }) : null;
  const path = q ? `/public/search?q=${encodeURIComponent(q)}` : '/public/search';
  return c.html(
    layout(lang, t(lang, 'search'), 'search', path, searchPage(lang, q, error, result)),
    error ? 422 : 200,
    {
      'Cache-Control': 'no-cache',
    },
  );
});

portalRoutes.get('*', (c) => notFound(c, langOf(c)));
