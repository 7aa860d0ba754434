import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { departmentsRepository } from '../../src/db/repositories/departments.repository.ts';
import { feedbackRepository } from '../../src/db/repositories/feedback.repository.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { usersRepository } from '../../src/db/repositories/users.repository.ts';
import { oidcRepository } from '../../src/db/repositories/oidc.repository.ts';
import { notify } from '../../src/server/modules/notifications/notifications.service.ts';
import { issuePasswordReset } from '../../src/server/modules/accounts/accounts.service.ts';
import { DEFAULT_ASSESSMENT_CONFIG } from '../../src/domain/assessment.ts';
import { getJson, seedAndServe, type TestApp } from './app.ts';
import { firstTask, type TreeNode } from './plan-tree.ts';
import { loginAs, TEST_PASSWORD, type Client } from './session.ts';

/**
 * Every write route of the app, called as every kind of caller. A new write route fails this test until it
 * is added to MATRIX with the statuses each caller must get.
 */
export const ACTORS = ['anonymous', 'own', 'other', 'assessor', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Ctx {
  app: TestApp;
  db: Db;
  planId: string;
  /** T2-11, whose only department is KJJ: "own" is a KJJ user, "other" an SWJ user. */
  indicatorId: string;
  clients: Record<Exclude<Actor, 'anonymous'>, Client>;
  draft(): Promise<string>;
  submitted(): Promise<string>;
  pendingFeedback(): Promise<string>;
  publishedFeedback(): Promise<string>;
  /** A new project of the library whose lead department is KJJ. */
  project(): Promise<string>;
  /** A task (plan node) assigned to KJJ. */
  taskNodeId: string;
  milestone(): Promise<string>;
  taskReport(): Promise<string>;
  snapshotId: string;
  unique(): string;
  /** A notification addressed to the "own" (KJJ) user. */
  notificationOfOwn(): Promise<string>;
  /** A fresh assessor account's id. */
  someUser(): Promise<string>;
  /** A valid one-time password-reset token of a fresh account. */
  resetToken(): Promise<string>;
  /** A reply template of KJJ. */
  templateOfOwn(): Promise<string>;
  /** A 督办单 on T2-11 to KJJ, brought to the given status. */
  order(status: 'assigned' | 'acknowledged' | 'in_progress'): Promise<string>;
}

export interface Req {
  path: string;
  json?: unknown;
  form?: FormData;
  /** A raw request body (file uploads sent as application/octet-stream). */
  bytes?: Uint8Array;
}

export interface Case {
  expect: Record<Actor, number>;
  request(ctx: Ctx): Promise<Req>;
  /** The call ends the session: use a fresh one for each caller. */
  fresh?: boolean;
}

const allowOnly = (who: Partial<Record<Actor, number>>, denied = 403): Record<Actor, number> => ({
  anonymous: 401,
  own: denied,
  other: denied,
  assessor: denied,
  admin: denied,
  ...who,
});

export async function sheet(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function form(bytes: Uint8Array): FormData {
  const f = new FormData();
  f.set('file', new File([bytes], 'sheet.xlsx'));
  return f;
}

/** A small but complete outline: one part, one chapter with a task, and an indicator table. */
const TINY_OUTLINE = new TextEncoder().encode(
  [
    '示例区国民经济和社会发展第十四个五年规划纲要',
    '第一篇 总体要求',
    '第一章 发展目标',
    '推动高质量发展。全面提升发展质量。',
  ].join('\n'),
);

export const MATRIX: Record<string, Case> = {
  'POST /api/plans/import': {
    expect: allowOnly({ admin: 200 }),
    request: () =>
      Promise.resolve({ path: '/api/plans/import?filename=tiny.txt&preview=true', bytes: TINY_OUTLINE }),
  },
  // issue 15 §5: only the planning office publishes; the seeded plan is published already, hence 409 for it
  'POST /api/plans/:id/publish': {
    expect: allowOnly({ admin: 409 }),
    request: (ctx) => Promise.resolve({ path: `/api/plans/${ctx.planId}/publish` }),
  },
  // a published version is never discarded: 409 for the seeded plan (a draft's discard has its own tests)
  'DELETE /api/plans/:id': {
    expect: allowOnly({ admin: 409 }),
    request: (ctx) => Promise.resolve({ path: `/api/plans/${ctx.planId}` }),
  },
  'POST /api/auth/login': {
    expect: { anonymous: 200, own: 200, other: 200, assessor: 200, admin: 200 },
    async request(ctx) {
      const email = `login-${ctx.unique()}@test.example`;
      await createUser(
        ctx.db,
        { email, password: TEST_PASSWORD, role: 'assessor' },
        { id: null, label: 'test' },
      );
      return { path: '/api/auth/login', json: { email, password: TEST_PASSWORD } };
    },
  },
  'POST /api/auth/logout': {
    expect: { anonymous: 401, own: 204, other: 204, assessor: 204, admin: 204 },
    fresh: true,
    request: () => Promise.resolve({ path: '/api/auth/logout' }),
  },
  'PATCH /api/auth/me': {
    expect: { anonymous: 401, own: 200, other: 200, assessor: 200, admin: 200 },
    request: () => Promise.resolve({ path: '/api/auth/me', json: { locale: 'en' } }),
  },
  'POST /api/users': {
    expect: allowOnly({ admin: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/users',
        json: { email: `new-${ctx.unique()}@test.example`, password: TEST_PASSWORD, role: 'assessor' },
      }),
  },
  'POST /api/observations': {
    expect: allowOnly({ own: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/observations',
        json: { indicatorId: ctx.indicatorId, period: nextPeriod(), value: 3000, note: 'matrix' },
      }),
  },
  'PATCH /api/observations/:id': {
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({ path: `/api/observations/${await ctx.draft()}`, json: { value: 3100 } }),
  },
  'POST /api/observations/:id/submit': {
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({ path: `/api/observations/${await ctx.draft()}/submit` }),
  },
  'POST /api/observations/:id/approve': {
    expect: allowOnly({ assessor: 200, admin: 200 }),
    request: async (ctx) => ({ path: `/api/observations/${await ctx.submitted()}/approve` }),
  },
  'POST /api/observations/approve': {
    expect: allowOnly({ assessor: 200, admin: 200 }),
    request: async (ctx) => ({ path: '/api/observations/approve', json: { ids: [await ctx.submitted()] } }),
  },
  // 提交全部草稿: a department submits its own drafts (none of another department's: 200 with nothing submitted)
  'POST /api/observations/submit-drafts': {
    expect: allowOnly({ own: 200, other: 200 }),
    request: async (ctx) => {
      await ctx.draft();
      return { path: '/api/observations/submit-drafts', json: { planId: ctx.planId } };
    },
  },
  'POST /api/observations/:id/return': {
    expect: allowOnly({ assessor: 200, admin: 200 }),
    request: async (ctx) => ({
      path: `/api/observations/${await ctx.submitted()}/return`,
      json: { reason: '核实' },
    }),
  },
  'POST /api/departments': {
    expect: allowOnly({ admin: 201 }),
    request: (ctx) =>
      Promise.resolve({ path: '/api/departments', json: { code: `D${ctx.unique()}`, name: '新部门' } }),
  },
  'PUT /api/assignments': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/assignments',
        json: { indicatorId: ctx.indicatorId, lead: 'KJJ', co: [] },
      }),
  },
  'PUT /api/assignments/bulk': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/assignments/bulk',
        json: { items: [{ indicatorId: ctx.indicatorId }, { nodeId: ctx.taskNodeId }], lead: 'KJJ', co: [] },
      }),
  },
  'POST /api/assignments/upload': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/assignments/upload?planId=${ctx.planId}`,
      form: form(
        await sheet([
          ['编码', '牵头部门', '配合部门'],
          ['T2-11', 'KJJ', ''],
        ]),
      ),
    }),
  },
  'POST /api/uploads': {
    // admins and assessors approve values; only the indicator's department reports them
    expect: allowOnly({ own: 200 }),
    async request(ctx) {
      const res = await ctx.app.request('/api/templates/KJJ.xlsx', {
        headers: { cookie: ctx.clients.admin.cookie },
      });
      return { path: '/api/uploads', form: form(new Uint8Array(await res.arrayBuffer())) };
    },
  },
  'POST /api/public/feedback': {
    expect: { anonymous: 202, own: 202, other: 202, assessor: 202, admin: 202 },
    async request(ctx) {
      return {
        path: '/api/public/feedback',
        json: {
          targetType: 'indicator',
          targetId: ctx.indicatorId,
          body: '建议公开更多数据',
          challenge: issueChallenge(await installationSecret(ctx.db), new Date(Date.now() - 60_000)),
        },
      };
    },
  },
  'POST /api/feedback/:id/publish': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({ path: `/api/feedback/${await ctx.pendingFeedback()}/publish`, json: {} }),
  },
  'POST /api/feedback/:id/reject': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/feedback/${await ctx.pendingFeedback()}/reject`,
      json: { reason: '无关' },
    }),
  },
  'POST /api/feedback/:id/reply': {
    // only the department the comment was routed to (KJJ) answers
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({
      path: `/api/feedback/${await ctx.publishedFeedback()}/reply`,
      json: { body: '已办理' },
    }),
  },
  'POST /api/projects': {
    expect: allowOnly({ admin: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/projects',
        json: { planId: ctx.planId, code: `M-${ctx.unique()}`, name: '矩阵项目', leadDepartment: 'KJJ' },
      }),
  },
  'PATCH /api/projects/:id': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({ path: `/api/projects/${await ctx.project()}`, json: { stage: '在建' } }),
  },
  'POST /api/projects/:id/investments': {
    // the planning office or the project's lead department
    expect: allowOnly({ own: 200, admin: 200 }),
    request: async (ctx) => ({
      path: `/api/projects/${await ctx.project()}/investments`,
      json: { items: [{ year: 2023, planned: 10 }] },
    }),
  },
  'POST /api/projects/:id/exit': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/projects/${await ctx.project()}/exit`,
      json: { reason: '调整', date: '2023-06-30' },
    }),
  },
  'POST /api/projects/:id/enter': {
    expect: allowOnly({ admin: 200 }),
    async request(ctx) {
      const id = await ctx.project();
      const out = await ctx.clients.admin.request('POST', `/api/projects/${id}/exit`, {
        reason: '调整',
        date: '2023-06-30',
      });
      if (out.status !== 200) throw new Error(`setup failed: ${out.status}`);
      return { path: `/api/projects/${id}/enter`, json: { reason: '重新纳入', date: '2024-01-15' } };
    },
  },
  'POST /api/projects/:id/progress': {
    expect: allowOnly({ own: 201, admin: 201 }),
    request: async (ctx) => ({
      path: `/api/projects/${await ctx.project()}/progress`,
      json: { year: 2024, quarter: 1, stage: '在建', percent: 30, text: '进展顺利' },
    }),
  },
  'PUT /api/tasks/:nodeId/work-plans/:year': {
    expect: allowOnly({ own: 200, admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/tasks/${ctx.taskNodeId}/work-plans/2024`,
        json: { summary: '年度计划', milestones: [{ title: '完成方案', dueDate: '2024-06-30' }] },
      }),
  },
  'PATCH /api/milestones/:id': {
    expect: allowOnly({ own: 200, admin: 200 }),
    request: async (ctx) => ({
      path: `/api/milestones/${await ctx.milestone()}`,
      json: { completedOn: '2024-05-01' },
    }),
  },
  'POST /api/tasks/:nodeId/reports': {
    expect: allowOnly({ own: 201, admin: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/tasks/${ctx.taskNodeId}/reports`,
        json: { year: 2024, status: 'in_progress', percent: 40, text: '推进中' },
      }),
  },
  'POST /api/task-reports/:id/evidence': {
    expect: allowOnly({ own: 201, admin: 201 }),
    async request(ctx) {
      const f = new FormData();
      f.set('file', new File([new TextEncoder().encode('佐证材料')], 'evidence.txt', { type: 'text/plain' }));
      return { path: `/api/task-reports/${await ctx.taskReport()}/evidence`, form: f };
    },
  },
  'POST /api/evaluations': {
    expect: allowOnly({ assessor: 201, admin: 201 }),
    request: (ctx) =>
      Promise.resolve({ path: '/api/evaluations', json: { planId: ctx.planId, year: 2023, kind: 'annual' } }),
  },
  'POST /api/evaluations/:id/assessments': {
    // self-assessment by the indicator's department, third-party by assessors; the planning office doesn't grade
    expect: allowOnly({ own: 201, assessor: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/evaluations/${ctx.snapshotId}/assessments`,
        json: { indicatorId: ctx.indicatorId, score: 80, verdict: '基本符合预期' },
      }),
  },
  'POST /api/notifications/:id/read': {
    // a notification of the KJJ user: anyone else is told it does not exist
    expect: { anonymous: 401, own: 200, other: 404, assessor: 404, admin: 404 },
    request: async (ctx) => ({ path: `/api/notifications/${await ctx.notificationOfOwn()}/read` }),
  },
  'POST /api/notifications/read-all': {
    expect: { anonymous: 401, own: 200, other: 200, assessor: 200, admin: 200 },
    request: () => Promise.resolve({ path: '/api/notifications/read-all' }),
  },
  'PUT /api/notifications/preferences': {
    expect: { anonymous: 401, own: 200, other: 200, assessor: 200, admin: 200 },
    request: () => Promise.resolve({ path: '/api/notifications/preferences', json: { mail: 'digest' } }),
  },
  'POST /api/auth/password': {
    expect: { anonymous: 401, own: 204, other: 204, assessor: 204, admin: 204 },
    fresh: true,
    request: () =>
      Promise.resolve({
        path: '/api/auth/password',
        json: { current: TEST_PASSWORD, next: 'another good password' },
      }),
  },
  'POST /api/auth/reset-password': {
    // whoever holds a valid one-time link
    expect: { anonymous: 204, own: 204, other: 204, assessor: 204, admin: 204 },
    async request(ctx) {
      const token = await ctx.resetToken();
      return { path: '/api/auth/reset-password', json: { token, password: 'a password from the link' } };
    },
  },
  'POST /api/users/:id/password-reset': {
    expect: allowOnly({ admin: 201 }),
    request: async (ctx) => ({ path: `/api/users/${await ctx.someUser()}/password-reset` }),
  },
  'POST /api/users/:id/disable': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({ path: `/api/users/${await ctx.someUser()}/disable` }),
  },
  'POST /api/users/:id/enable': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({ path: `/api/users/${await ctx.someUser()}/enable` }),
  },
  'POST /api/auth/oidc/logout': {
    // without sign-on configured it ends the local session and names no provider logout
    expect: { anonymous: 401, own: 200, other: 200, assessor: 200, admin: 200 },
    fresh: true,
    request: () => Promise.resolve({ path: '/api/auth/oidc/logout' }),
  },
  'POST /api/users/sso-pending/:id/grant': {
    expect: allowOnly({ admin: 201 }),
    async request(ctx) {
      const subject = `sub-${ctx.unique()}`;
      const pending = await oidcRepository.upsertPending(ctx.db, {
        subject,
        email: `${subject}@test.example`,
        emailVerified: true,
        displayName: null,
      });
      return { path: `/api/users/sso-pending/${pending.id}/grant`, json: { role: 'assessor' } };
    },
  },
  'POST /api/users/:id/unlock': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({ path: `/api/users/${await ctx.someUser()}/unlock` }),
  },
  'POST /api/feedback/:id/follow-up': {
    expect: allowOnly({ own: 204 }),
    async request(ctx) {
      const id = await ctx.publishedFeedback();
      const r = await ctx.clients.own.request('POST', `/api/feedback/${id}/reply`, { body: '已办理' });
      if (r.status !== 200) throw new Error(`setup failed: ${r.status}`);
      return { path: `/api/feedback/${id}/follow-up`, json: { body: '补充答复' } };
    },
  },
  'POST /api/reply-templates': {
    // a department its own, the office the shared ones; assessors keep none
    expect: allowOnly({ own: 201, other: 201, admin: 201 }),
    request: () =>
      Promise.resolve({ path: '/api/reply-templates', json: { title: '模板', body: '感谢关注' } }),
  },
  'PUT /api/reply-templates/:id': {
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({
      path: `/api/reply-templates/${await ctx.templateOfOwn()}`,
      json: { title: '改', body: '改后' },
    }),
  },
  'DELETE /api/reply-templates/:id': {
    expect: allowOnly({ own: 204 }),
    request: async (ctx) => ({ path: `/api/reply-templates/${await ctx.templateOfOwn()}` }),
  },
  'PUT /api/indicators/:id/annual-targets/:year': {
    expect: allowOnly({ admin: 204 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/indicators/${ctx.indicatorId}/annual-targets/2024`,
        json: { value: 3200 },
      }),
  },
  'DELETE /api/indicators/:id/annual-targets/:year': {
    expect: allowOnly({ admin: 204 }),
    async request(ctx) {
      const r = await ctx.clients.admin.request(
        'PUT',
        `/api/indicators/${ctx.indicatorId}/annual-targets/2025`,
        {
          value: 3300,
        },
      );
      if (r.status !== 204) throw new Error(`setup failed: ${r.status}`);
      return { path: `/api/indicators/${ctx.indicatorId}/annual-targets/2025` };
    },
  },
  'POST /api/plans/:id/annual-targets/upload': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/plans/${ctx.planId}/annual-targets/upload?year=2024`,
      form: form(
        await sheet([
          ['编码', '全年预期目标'],
          ['T2-11', 3200],
        ]),
      ),
    }),
  },
  'PUT /api/plans/:id/warning-rules': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/plans/${ctx.planId}/warning-rules`,
        json: { rules: [{ kind: 'schedule_gap', enabled: true, yellow: 5, red: 15 }] },
      }),
  },
  'POST /api/plans/:id/warnings/refresh': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) => Promise.resolve({ path: `/api/plans/${ctx.planId}/warnings/refresh` }),
  },
  'POST /api/supervision': {
    expect: allowOnly({ admin: 201 }),
    request: (ctx) =>
      Promise.resolve({
        path: '/api/supervision',
        json: {
          subjectType: 'indicator',
          subjectId: ctx.indicatorId,
          title: '督办',
          requirement: '整改',
          planDue: inDays(10),
          deadline: inDays(60),
        },
      }),
  },
  'POST /api/supervision/:id/acknowledge': {
    // the order's department (KJJ) only; the office's own steps are 核查
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({
      path: `/api/supervision/${await ctx.order('assigned')}/acknowledge`,
      json: {},
    }),
  },
  'POST /api/supervision/:id/plan': {
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({
      path: `/api/supervision/${await ctx.order('acknowledged')}/plan`,
      json: { measures: [{ title: '措施', dueDate: inDays(30) }] },
    }),
  },
  'POST /api/supervision/:id/progress': {
    expect: allowOnly({ own: 200 }),
    request: async (ctx) => ({
      path: `/api/supervision/${await ctx.order('in_progress')}/progress`,
      json: { body: '进展' },
    }),
  },
  'POST /api/supervision/:id/close': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/supervision/${await ctx.order('in_progress')}/close`,
      json: { body: '核查属实' },
    }),
  },
  'POST /api/supervision/:id/return': {
    expect: allowOnly({ admin: 200 }),
    request: async (ctx) => ({
      path: `/api/supervision/${await ctx.order('in_progress')}/return`,
      json: { body: '措施不足' },
    }),
  },
  'PUT /api/plans/:id/supervision-settings': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/plans/${ctx.planId}/supervision-settings`,
        json: { publicMeasures: true },
      }),
  },
  // issue 16 §6: the office sets the weights, the joint assessment team adjusts scores
  'PUT /api/plans/:id/assessment-criteria': {
    expect: allowOnly({ admin: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/plans/${ctx.planId}/assessment-criteria`,
        json: DEFAULT_ASSESSMENT_CONFIG,
      }),
  },
  'POST /api/plans/:id/assessment/:year/adjustments': {
    expect: allowOnly({ assessor: 200 }),
    request: (ctx) =>
      Promise.resolve({
        path: `/api/plans/${ctx.planId}/assessment/2023/adjustments`,
        json: { department: 'KJJ', points: -1, reason: '材料报送不完整' },
      }),
  },
};

/** A day `n` days from now (督办 deadlines may not lie in the past). */
function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

/** State-changing routes that need no session, hence no CSRF token. */
export const CSRF_EXEMPT = new Set(['POST /api/auth/login', 'POST /api/public/feedback']);

let periodCounter = 0;
/** A fresh period per call (monthly periods of the plan years), so every draft is new. */
export function nextPeriod(): string {
  const n = periodCounter++;
  return `${2021 + (Math.floor(n / 12) % 5)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export async function send(
  app: TestApp,
  client: Client | null,
  method: string,
  req: Req,
  csrf: 'valid' | 'missing' | 'wrong' = 'valid',
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (client) {
    headers.cookie = client.cookie;
    if (csrf === 'valid') headers['x-csrf-token'] = client.csrf;
    if (csrf === 'wrong') headers['x-csrf-token'] = 'x'.repeat(client.csrf.length);
  }
  let body: FormData | string | Uint8Array | undefined;
  if (req.form) body = req.form;
  else if (req.bytes) {
    headers['content-type'] = 'application/octet-stream';
    body = req.bytes;
  } else if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const res = await app.request(req.path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}

export function writeRoutes(app: TestApp): string[] {
  const routes = app.routes
    .filter((r) => r.path.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort();
}

/** The fixtures every MATRIX request draws on, over a fresh migrated database. */
/**
 * The client a case is sent as: none for an anonymous caller; a user signed in for this call when the case
 * asks for a fresh one ("own" a KJJ user, "other" an SWJ user), else the context's.
 */
export async function clientFor(ctx: Ctx, c: Case, actor: Actor): Promise<Client | null> {
  if (actor === 'anonymous') return null;
  return c.fresh
    ? await loginAs(
        ctx.app,
        ctx.db,
        actor === 'own' || actor === 'other' ? 'department' : actor,
        actor === 'own' ? ['KJJ'] : actor === 'other' ? ['SWJ'] : [],
      )
    : ctx.clients[actor];
}

export async function writeRouteContext(db: Db): Promise<Ctx> {
  const { app, planId } = await seedAndServe(db);
  const inds = await getJson<{ items: { id: string; code: string; departments: { code: string }[] }[] }>(
    app,
    `/api/plans/${planId}/indicators`,
  );
  const hitech = inds.body.items.find((i) => i.code === 'T2-11')!;
  expect(hitech.departments.map((d) => d.code)).toEqual(['KJJ']);
  const clients = {
    own: await loginAs(app, db, 'department', ['KJJ']),
    other: await loginAs(app, db, 'department', ['SWJ']),
    assessor: await loginAs(app, db, 'assessor'),
    admin: await loginAs(app, db, 'admin'),
  };
  const kjjId = (await departmentsRepository.findByCode(db, 'KJJ'))!.id;
  const tree = await getJson<{ nodes: TreeNode[] }>(app, `/api/plans/${planId}/tree`);
  const taskNodeId = firstTask(tree.body.nodes)!.id;
  let n = 0;
  const ok = <T>(r: { status: number; body: unknown }, status: number): T => {
    if (r.status !== status) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const assigned = await clients.admin.request('PUT', '/api/assignments', {
    nodeId: taskNodeId,
    lead: 'KJJ',
    co: [],
  });
  expect(assigned.status).toBe(200);
  const snapshot = await clients.admin.request('POST', '/api/evaluations', {
    planId,
    year: 2023,
    kind: 'annual',
  });
  expect(snapshot.status).toBe(201);
  const ctx: Ctx = {
    app,
    taskNodeId,
    snapshotId: snapshot.body.id as string,
    db,
    planId,
    indicatorId: hitech.id,
    clients,
    unique: () => `${++n}${randomUUID().slice(0, 6)}`.toUpperCase(),
    async draft() {
      const r = await clients.own.request('POST', '/api/observations', {
        indicatorId: hitech.id,
        period: nextPeriod(),
        value: 3000,
        note: 'matrix',
      });
      return ok<{ observation: { id: string } }>(r, 201).observation.id;
    },
    async submitted() {
      const id = await this.draft();
      ok(await clients.own.request('POST', `/api/observations/${id}/submit`), 200);
      return id;
    },
    pendingFeedback: () =>
      feedbackRepository.insert(db, {
        targetType: 'indicator',
        targetId: hitech.id,
        planId,
        body: '意见',
        name: null,
        contact: null,
        clientHash: 'matrix',
        departmentId: kjjId,
      }),
    async project() {
      const r = await clients.admin.request('POST', '/api/projects', {
        planId,
        code: `P-${this.unique()}`,
        name: '矩阵项目',
        leadDepartment: 'KJJ',
      });
      return ok<{ id: string }>(r, 201).id;
    },
    async milestone() {
      const r = await clients.own.request('PUT', `/api/tasks/${taskNodeId}/work-plans/2023`, {
        milestones: [{ title: '节点', dueDate: '2023-09-30' }],
      });
      return ok<{ workPlans: { year: number; milestones: { id: string }[] }[] }>(r, 200).workPlans.find(
        (w) => w.year === 2023,
      )!.milestones[0]!.id;
    },
    async taskReport() {
      const r = await clients.own.request('POST', `/api/tasks/${taskNodeId}/reports`, {
        year: 2023,
        status: 'in_progress',
        percent: 50,
        text: '报告',
      });
      return ok<{ id: string }>(r, 201).id;
    },
    async notificationOfOwn() {
      const me = (await usersRepository.findByEmail(db, clients.own.email))!;
      await db.transaction((tx) =>
        notify(tx, {
          event: 'value_returned',
          params: { item: 'matrix' },
          link: null,
          to: { userIds: [me.id] },
        }),
      );
      const r = await clients.own.request('GET', '/api/notifications?limit=1');
      return ok<{ items: { id: string }[] }>(r, 200).items[0]!.id;
    },
    async someUser() {
      const u = await createUser(
        db,
        { email: `acct-${this.unique()}@test.example`, password: TEST_PASSWORD, role: 'assessor' },
        { id: null, label: 'test' },
      );
      return u.id;
    },
    async resetToken() {
      const id = await this.someUser();
      const adminUser = (
        await usersRepository.sessionUsers(db, [
          (await usersRepository.findByEmail(db, clients.admin.email))!.id,
        ])
      )[0]!;
      const issued = await issuePasswordReset(db, adminUser, id);
      return new URL(issued.link!).searchParams.get('token')!;
    },
    async templateOfOwn() {
      const r = await clients.own.request('POST', '/api/reply-templates', { title: 'T', body: 'B' });
      return ok<{ id: string }>(r, 201).id;
    },
    async order(status) {
      const r = await clients.admin.request('POST', '/api/supervision', {
        subjectType: 'indicator',
        subjectId: hitech.id,
        title: '矩阵督办',
        requirement: '整改',
        planDue: inDays(10),
        deadline: inDays(60),
      });
      const id = ok<{ id: string }>(r, 201).id;
      if (status === 'assigned') return id;
      ok(await clients.own.request('POST', `/api/supervision/${id}/acknowledge`, {}), 200);
      if (status === 'acknowledged') return id;
      ok(
        await clients.own.request('POST', `/api/supervision/${id}/plan`, {
          measures: [{ title: '措施', dueDate: inDays(30) }],
        }),
        200,
      );
      return id;
    },
    async publishedFeedback() {
      const id = await this.pendingFeedback();
      ok(await clients.admin.request('POST', `/api/feedback/${id}/publish`, {}), 200);
      return id;
    },
  };
  return ctx;
}
