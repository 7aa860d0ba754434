import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './app-env.ts';
import { errorBody, toErrorResponse, validationHook } from './errors.ts';
import { serveWeb } from './static.ts';
import { bodyGuard } from './body-guard.ts';
import { metricsMiddleware, renderMetrics } from './metrics.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { plansImportRoutes } from './modules/plans/plans-import.routes.ts';
import { planVersionsRoutes } from './modules/plan-versions/plan-versions.routes.ts';
import { draftGuard } from './modules/plan-versions/draft-guard.ts';
import { continuityRoutes } from './modules/continuity/continuity.routes.ts';
import { liveEvaluationRoutes } from './modules/live-evaluation/live-evaluation.routes.ts';
import { seriesRoutes } from './modules/series/series.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { renderApiDocs } from './openapi-docs.ts';
import { sessionMiddleware } from './auth/session.middleware.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { oidcRoutes } from './modules/auth/oidc.routes.ts';
import { oidcAccountsRoutes } from './modules/auth/oidc-accounts.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { observationsRoutes } from './modules/observations/observations.routes.ts';
import { departmentsRoutes } from './modules/departments/departments.routes.ts';
import { assignmentsRoutes } from './modules/assignments/assignments.routes.ts';
import { inboxRoutes } from './modules/inbox/inbox.routes.ts';
import { spreadsheetsRoutes } from './modules/spreadsheets/spreadsheets.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { publicRoutes } from './modules/public/public.routes.ts';
import { publicFeedbackRoutes } from './modules/public/public-feedback.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { planSystemRoutes } from './modules/plan-system/plan-system.routes.ts';
import { evaluationCyclesRoutes } from './modules/evaluation-cycles/evaluation-cycles.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { commentDeskRoutes } from './modules/comment-desk/comment-desk.routes.ts';
import { annualPlanRoutes } from './modules/annual-plan/annual-plan.routes.ts';
import { warningsRoutes } from './modules/warnings/warnings.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';

export const OPENAPI_INFO = {
  title: 'lantu 蓝图',
  description:
    'Monitoring, evaluation and public accountability of five-year plan outlines (规划纲要).\n\n' +
    'Every request body other than a file upload is at most 1 MB (`413 payload_too_large`, refused before it ' +
    'is read); text containing an unpaired surrogate is refused with `422 validation_failed` naming the field.',
};

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    if (deps.logger.isLevelEnabled('info'))
      deps.logger.info(
        {
          req: { id: requestId, method: c.req.method, url: c.req.path },
          res: { statusCode: c.res.status },
          responseTime: Math.round(performance.now() - started),
        },
        'request',
      );
  });
  app.use('*', metricsMiddleware);
  app.get('/metrics', (c) =>
    c.text(renderMetrics(deps.db), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      // keep a stricter policy a route set itself (evidence downloads: `default-src 'none'; sandbox`)
      overwrite: false,
    }),
  );

  app.use('*', bodyGuard); // one size limit and well-formed text for every non-upload body, before anything reads it

  app.onError((err, c) => {
    const res = toErrorResponse(err, c);
    if (res.status >= 500) deps.logger.error({ err, requestId: c.var.requestId }, 'request failed');
    return res;
  });
  app.notFound((c) =>
    c.json(
      errorBody('not_found', {
        zh: `没有这个接口：${c.req.method} ${c.req.path}`,
        en: `No route for ${c.req.method} ${c.req.path}`,
      }),
      404,
    ),
  );

  app.use('/api/*', sessionMiddleware);
  app.use('/api/*', draftGuard); // draft plan versions are the planning office's until published
  app.route('/api', healthRoutes);
  app.route('/api', authRoutes);
  app.route('/api', oidcRoutes);
  app.route('/api', oidcAccountsRoutes);
  app.route('/api', usersRoutes);
  app.route('/api', observationsRoutes);
  app.route('/api', departmentsRoutes);
  app.route('/api', assignmentsRoutes);
  app.route('/api', inboxRoutes);
  app.route('/api', spreadsheetsRoutes);
  app.route('/api', auditRoutes);
  app.route('/api', publicRoutes);
  app.route('/api', publicFeedbackRoutes);
  app.route('/api', feedbackRoutes);
  app.route('/api', plansImportRoutes);
  app.route('/api', plansRoutes);
  app.route('/api', planVersionsRoutes);
  app.route('/api', continuityRoutes);
  app.route('/api', liveEvaluationRoutes);
  app.route('/api', seriesRoutes);
  app.route('/api', searchRoutes);
  app.route('/api', reportsRoutes);
  app.route('/api', projectsRoutes);
  app.route('/api', tasksRoutes);
  app.route('/api', planSystemRoutes);
  app.route('/api', evaluationCyclesRoutes);
  app.route('/api', notificationsRoutes);
  app.route('/api', accountsRoutes);
  app.route('/api', commentDeskRoutes);
  app.route('/api', annualPlanRoutes);
  app.route('/api', warningsRoutes);
  app.route('/api', supervisionRoutes);
  app.route('/api', assessmentRoutes);

  const documentConfig = { openapi: '3.1.0', info: { ...OPENAPI_INFO, version: deps.version } };
  app.doc31('/api/openapi.json', documentConfig);
  let docsHtml: string | null = null;
  app.get('/api/docs', (c) => {
    docsHtml ??= renderApiDocs(app.getOpenAPI31Document(documentConfig));
    return c.html(docsHtml);
  });

  app.route('/public', portalRoutes); // the public portal: server-rendered, no JavaScript
  app.use('*', serveWeb()); // the web workspace (dist/web) for every non-/api GET

  return app;
}
