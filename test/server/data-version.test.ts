import { describe, expect, it } from 'vitest';
import { readDataVersion } from '../../src/server/cache/data-version.ts';
import { getJson } from '../support/app.ts';
import { writeRouteSuite } from '../support/write-route-suite.ts';
import { testDatabases } from '../support/databases.ts';
import {
  ACTORS,
  clientFor,
  form,
  MATRIX,
  send,
  sheet,
  writeRoutes,
  type Actor,
  type Ctx,
  type Req,
} from '../support/write-routes.ts';

/**
 * The data version must move with every write that changes what a cached read (public API, portal, the
 * workspace's plan tree, indicator list, evaluation and series) or the public sees, and only then: the
 * write routes are found from the app as the authorisation matrix finds them, and each is called once by
 * a caller it allows.
 */
const CHANGES_PUBLISHED = new Set([
  'POST /api/observations/:id/approve', // approved values feed every evaluation and the portal
  'POST /api/observations/approve', // the same, for a selection
  'PUT /api/assignments', // departments show in the indicator list
  'PUT /api/assignments/bulk', // the same, for several items
  'POST /api/assignments/upload',
  'POST /api/feedback/:id/publish', // published comments, reply stats, feeds
  'POST /api/feedback/:id/reject', // a moderation decision: the reply stats count decided comments
  'POST /api/feedback/:id/reply', // replies are public
  'POST /api/feedback/:id/follow-up',
  'POST /api/projects', // /api/public/projects and the portal's project pages
  'PATCH /api/projects/:id',
  'POST /api/projects/:id/progress', // a report naming a stage moves the project's public stage
  'PUT /api/indicators/:id/annual-targets/:year', // annual targets in the indicator list and evaluation
  'DELETE /api/indicators/:id/annual-targets/:year',
  'POST /api/plans/:id/annual-targets/upload',
  'POST /api/plans/:id/publish', // a published version replaces what the public sees (its own test below)
  // the portal shows a lagging indicator's corrective measures when the plan says so (issue 16 §4)
  'PUT /api/plans/:id/supervision-settings',
  'POST /api/supervision/:id/plan',
  'POST /api/supervision/:id/progress',
  'POST /api/supervision/:id/close',
  'POST /api/supervision/:id/return',
  'DELETE /api/plans/:id', // a discarded draft leaves the office's plan list (its own test below)
  // the portal's task page and plan outline show reported progress and the year's milestones (issue 17)
  'POST /api/tasks/:nodeId/reports',
  'PUT /api/tasks/:nodeId/work-plans/:year',
  'PATCH /api/milestones/:id',
]);

/** Routes whose matrix call is a refusal for every caller; the data version is checked by a test of their own. */
const OWN_TEST = new Set(['POST /api/plans/:id/publish', 'DELETE /api/plans/:id']);

/** Write routes that deliberately leave the data version alone: nothing they write is published or cached. */
const LEAVES_PUBLISHED: Record<string, string> = {
  'POST /api/plans/import': 'the matrix call is a preview (a saved import is checked below)',
  'POST /api/auth/login': 'sessions',
  'POST /api/auth/logout': 'sessions',
  'PATCH /api/auth/me': "the user's language",
  'POST /api/auth/password': 'credentials',
  'POST /api/auth/reset-password': 'credentials',
  'POST /api/users': 'accounts',
  'POST /api/users/:id/password-reset': 'accounts',
  'POST /api/users/:id/disable': 'accounts',
  'POST /api/users/:id/enable': 'accounts',
  'POST /api/users/:id/unlock': 'accounts',
  'POST /api/auth/oidc/logout': 'sessions',
  'POST /api/users/sso-pending/:id/grant': 'accounts',
  'POST /api/observations': 'a draft: only approved values are published',
  'PATCH /api/observations/:id': 'a draft',
  'POST /api/observations/:id/submit': 'awaiting approval',
  'POST /api/observations/submit-drafts': 'the same, for all drafts at once',
  'POST /api/observations/:id/return': 'a submitted value sent back, never approved',
  'POST /api/uploads': 'values from a spreadsheet arrive submitted, not approved',
  'POST /api/departments': 'a department nothing is assigned to yet',
  'POST /api/public/feedback': 'a comment waits for moderation',
  'POST /api/projects/:id/investments': 'yearly investments show in the workspace only, read uncached',
  'POST /api/projects/:id/exit': 'library membership shows in the workspace only, read uncached',
  'POST /api/projects/:id/enter': 'library membership shows in the workspace only, read uncached',
  'POST /api/task-reports/:id/evidence':
    'evidence files are private (the portal shows the reports, not files)',
  'POST /api/evaluations': 'a snapshot is read uncached by id',
  'POST /api/evaluations/:id/assessments': 'assessments of a snapshot',
  'POST /api/notifications/:id/read': "one user's notifications",
  'POST /api/notifications/read-all': "one user's notifications",
  'PUT /api/notifications/preferences': "one user's settings",
  'POST /api/reply-templates': 'templates for replies, private',
  'PUT /api/reply-templates/:id': 'templates',
  'DELETE /api/reply-templates/:id': 'templates',
  'POST /api/plans/:id/warnings/refresh': 'early warnings are read uncached in the workspace',
  'PUT /api/plans/:id/warning-rules': 'warning rules, workspace only',
  'POST /api/supervision':
    'an order just opened has no measures yet; orders are read uncached in the workspace',
  'POST /api/supervision/:id/acknowledge': 'acknowledged, still without measures',
  'PUT /api/plans/:id/assessment-criteria': 'department assessment is read uncached in the workspace',
  'POST /api/plans/:id/assessment/:year/adjustments': 'department assessment, workspace only',
};

/**
 * The matrix writes T2-11's assignment as it already is, which changes nothing (and rightly keeps the
 * version); here the two assignment routes change its co-departments.
 */
const REQUESTS: Partial<Record<string, (ctx: Ctx) => Promise<Req>>> = {
  'PUT /api/assignments': (ctx) =>
    Promise.resolve({
      path: '/api/assignments',
      json: { indicatorId: ctx.indicatorId, lead: 'KJJ', co: ['SWJ'] },
    }),
  'PUT /api/assignments/bulk': (ctx) =>
    Promise.resolve({
      path: '/api/assignments/bulk',
      json: {
        items: [{ indicatorId: ctx.indicatorId }, { nodeId: ctx.taskNodeId }],
        lead: 'KJJ',
        co: ['JFJ'],
      },
    }),
  'POST /api/assignments/upload': async (ctx) => ({
    path: `/api/assignments/upload?planId=${ctx.planId}`,
    form: form(
      await sheet([
        ['编码', '牵头部门', '配合部门'],
        ['T2-11', 'KJJ', ''],
      ]),
    ),
  }),
};

const PREFERRED: readonly Actor[] = ['admin', 'own', 'assessor', 'other', 'anonymous'];

describe.each(testDatabases)('data version on $kind', ({ create }) => {
  const ctx = writeRouteSuite(create);

  it('classifies every write route of the app as changing published data or not', () => {
    const served = writeRoutes(ctx.app);
    const classified = [...CHANGES_PUBLISHED, ...Object.keys(LEAVES_PUBLISHED)];
    expect(served.filter((r) => !classified.includes(r))).toEqual([]);
    expect(classified.filter((r) => !served.includes(r))).toEqual([]);
    expect(new Set(classified).size).toBe(classified.length);
  });

  for (const [route, c] of Object.entries(MATRIX)) {
    if (OWN_TEST.has(route)) continue;
    const moves = CHANGES_PUBLISHED.has(route);
    it(`${route} ${moves ? 'moves' : 'keeps'} the data version`, async () => {
      const actor = PREFERRED.find((a) => c.expect[a] >= 200 && c.expect[a] < 300)!;
      expect(ACTORS).toContain(actor);
      const client = await clientFor(ctx, c, actor);
      const req = await (REQUESTS[route] ?? c.request)(ctx);
      const before = await readDataVersion(ctx.db);
      const res = await send(ctx.app, client, route.split(' ')[0]!, req);
      expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(c.expect[actor]);
      const after = await readDataVersion(ctx.db);
      expect(after !== before, `version ${before} → ${after}`).toBe(moves);
    });
  }

  it('POST /api/plans/:id/publish moves the data version', async () => {
    const outline = (extra: string[]) =>
      new TextEncoder().encode(
        ['示例区国民经济和社会发展第十四个五年规划纲要', '第一篇 总体要求', '第一章 发展目标', ...extra].join(
          '\n',
        ),
      );
    const first = await send(ctx.app, ctx.clients.admin, 'POST', {
      path: '/api/plans/import?filename=v1.txt&preview=false',
      bytes: outline(['推动高质量发展。']),
    });
    expect(first.status).toBe(200);
    const planId = (first.body as { planId: string }).planId;
    const draft = await send(ctx.app, ctx.clients.admin, 'POST', {
      path: `/api/plans/import?filename=v2.txt&preview=false&planId=${planId}`,
      bytes: outline(['推动高质量发展。', '第二章 绿色发展', '推进低碳转型。']),
    });
    expect(draft.status).toBe(200);
    const draftId = (draft.body as { planId: string }).planId;
    const before = await readDataVersion(ctx.db);
    const res = await send(ctx.app, ctx.clients.admin, 'POST', { path: `/api/plans/${draftId}/publish` });
    expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(200);
    expect(await readDataVersion(ctx.db)).not.toBe(before);

    // DELETE /api/plans/:id: a draft discarded moves it too (the office's cached plan list loses it)
    const third = await send(ctx.app, ctx.clients.admin, 'POST', {
      path: `/api/plans/import?filename=v3.txt&preview=false&planId=${draftId}`,
      bytes: outline(['推动高质量发展。', '第二章 绿色发展', '推进低碳转型。', '第三章 开放合作']),
    });
    expect(third.status).toBe(200);
    const thirdId = (third.body as { planId: string }).planId;
    const beforeDiscard = await readDataVersion(ctx.db);
    const discarded = await send(ctx.app, ctx.clients.admin, 'DELETE', { path: `/api/plans/${thirdId}` });
    expect(discarded.status, JSON.stringify(discarded.body).slice(0, 200)).toBe(200);
    expect(await readDataVersion(ctx.db)).not.toBe(beforeDiscard);
  });

  it('moves with a saved plan import', async () => {
    const before = await readDataVersion(ctx.db);
    const outline = new TextEncoder().encode(
      [
        '示例区国民经济和社会发展第十四个五年规划纲要',
        '第一篇 总体要求',
        '第一章 发展目标',
        '推动高质量发展。',
      ].join('\n'),
    );
    const res = await send(ctx.app, ctx.clients.admin, 'POST', {
      path: '/api/plans/import?filename=tiny.txt&preview=false',
      bytes: outline,
    });
    expect(res.status).toBe(200);
    expect(await readDataVersion(ctx.db)).not.toBe(before);
  });

  it('shows a project edit on /api/public/projects within a second, with a new ETag', async () => {
    const id = await ctx.project();
    const first = await getJson<{ items: { id: string; name: string }[] }>(
      ctx.app,
      `/api/public/projects?planId=${ctx.planId}`,
    );
    expect(first.body.items.find((p) => p.id === id)?.name).toBe('矩阵项目');
    const patched = await ctx.clients.admin.request('PATCH', `/api/projects/${id}`, { name: '改名后的项目' });
    expect(patched.status).toBe(200);
    const started = Date.now();
    let now = first;
    while (Date.now() - started < 1000) {
      now = await getJson(ctx.app, `/api/public/projects?planId=${ctx.planId}`);
      if (now.body.items.find((p) => p.id === id)?.name === '改名后的项目') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(now.body.items.find((p) => p.id === id)?.name).toBe('改名后的项目');
    expect(now.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });
});
