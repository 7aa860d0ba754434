import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { TEST_PASSWORD } from '../support/session.ts';
import { populate, type Populated } from '../reliability/fixture.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../src/server/static.ts';

/** Classic SQL-injection probes (and a few that break naive parsers). */
const INJECTIONS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "'; DROP TABLE observations; --",
  '1; SELECT pg_sleep(5)',
  "' UNION SELECT NULL, version() --",
  '") OR ("1"="1',
  '%27%20OR%201%3D1',
  '\u0000',
  "\\'; --",
  '1 AND (SELECT 1 FROM pg_sleep(3))=1',
];

type Doc = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

function checkHeaders(res: Response, path: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(csp, `${path} CSP`).not.toBe('');
  expect(scriptSrc, `${path} script-src`).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(csp, `${path} frame-ancestors`).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get('x-content-type-options'), `${path} nosniff`).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), `${path} Referrer-Policy`).toMatch(
    /strict-origin|no-referrer|same-origin/,
  );
}

describe.each(testDatabases)('hostile input on $kind', ({ create }) => {
  const s = appSuite(create, { seed: true });
  let p: Populated;

  beforeAll(async () => {
    p = await populate(s.db);
  });

  it('sends the security headers on /api, /public, the SPA and on errors', async () => {
    for (const path of [
      '/api/plans',
      '/api/public/indicators',
      '/api/openapi.json',
      '/api/docs',
      '/public',
      '/',
      '/workspace/x',
      '/api/nope',
    ]) {
      const res = await s.app.request(path);
      // Before `npm run build` the workspace paths answer 503 "not built yet"; the headers must be there all the same.
      const unbuiltShell =
        (path === '/' || path.startsWith('/workspace')) && !existsSync(join(WEB_DIST, 'index.html'));
      if (!unbuiltShell) expect(res.status, path).toBeLessThan(500);
      checkHeaders(res, path);
    }
  });

  it('answers every GET route with a 2xx/3xx/4xx, never a 500, when each parameter is an injection string', async () => {
    const doc = s.app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: 't' },
    }) as unknown as Doc;
    const ids: Record<string, string> = { planId: p.planId, id: p.planId, indicatorId: p.indicatorId };
    const gets = new Set<string>();
    for (const r of s.app.routes) if (r.method === 'GET' && !r.path.includes('*')) gets.add(r.path);
    let probes = 0;
    const failures: string[] = [];
    for (const route of [...gets].sort()) {
      const openapiPath = route.replace(/:(\w+)/g, '{$1}');
      const params = doc.paths[openapiPath]?.get?.parameters ?? [];
      const pathParams = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const query = params.filter((q) => q.in === 'query').map((q) => q.name);
      // a few common query names even where the document lists none (portal pages, downloads)
      for (const extra of ['lang', 'year', 'planId', 'limit']) if (!query.includes(extra)) query.push(extra);
      const fill = (inj: string | null, which: string | null) =>
        route.replace(/:(\w+)/g, (_m, name: string) =>
          encodeURIComponent(inj !== null && which === name ? inj : (ids[name] ?? p.planId)),
        );
      const cookie = { cookie: p.admin.cookie };
      for (const inj of INJECTIONS) {
        const urls = [
          ...pathParams.map((name) => fill(inj, name)),
          ...query.map((q) => `${fill(null, null)}?${q}=${encodeURIComponent(inj)}`),
        ];
        for (const url of urls) {
          probes++;
          const res = await s.app.request(url, { headers: cookie });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${res.status} GET ${url}`);
        }
      }
    }
    console.log(`injection probes: ${probes} requests over ${gets.size} GET routes`);
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(500);
    // the tables are still there
    expect(
      (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]!.n,
    ).toBeGreaterThan(0);
  });

  it('session fixation: a cookie set before login is never the session after it', async () => {
    await createUser(
      s.db,
      { email: 'fixation@test.example', password: TEST_PASSWORD, role: 'assessor' },
      { id: null, label: 'test' },
    );
    const planted = 'attacker-chosen-session-token-0123456789abcdef';
    const login = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `lantu_session=${planted}` },
      body: JSON.stringify({ email: 'fixation@test.example', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const issued = /lantu_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Lax|SameSite=Strict/i);
    expect(
      (await s.app.request('/api/auth/me', { headers: { cookie: `lantu_session=${planted}` } })).status,
    ).toBe(401);
    expect(
      (await s.app.request('/api/auth/me', { headers: { cookie: `lantu_session=${issued}` } })).status,
    ).toBe(200);
    // an attacker plants their own valid session, the victim logs in: the victim gets a new token, and the
    // planted one still belongs to the attacker (it never becomes the victim's session)
    await createUser(
      s.db,
      { email: 'victim-fix@test.example', password: TEST_PASSWORD, role: 'admin' },
      { id: null, label: 'test' },
    );
    const victim = await s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `lantu_session=${issued}` },
      body: JSON.stringify({ email: 'victim-fix@test.example', password: TEST_PASSWORD }),
    });
    expect(victim.status).toBe(200);
    const second = /lantu_session=([^;]+)/.exec(victim.headers.get('set-cookie') ?? '')?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(issued);
    const me = async (token: string) =>
      (await (
        await s.app.request('/api/auth/me', { headers: { cookie: `lantu_session=${token}` } })
      ).json()) as { user?: { email: string } };
    expect((await me(issued!)).user?.email).toBe('fixation@test.example');
    expect((await me(second!)).user?.email).toBe('victim-fix@test.example');
  });

  it('serves uploaded evidence as an attachment with a safe type, whatever the uploader claims', async () => {
    const html = '<html><script>alert(document.cookie)</script></html>';
    const tree = await (await s.app.request(`/api/plans/${p.planId}/progress`)).json();
    expect(tree).toBeTruthy();
    const reports = await s.db.query<{ id: string }>('SELECT id FROM task_reports LIMIT 1');
    for (const [name, type] of [
      ['evil.html', 'text/html'],
      ['evil.svg', 'image/svg+xml'],
      ['x.pdf"; filename="evil.html', 'application/pdf'],
      ['<img src=x onerror=alert(1)>.js', 'text/javascript'],
    ] as const) {
      const f = new FormData();
      f.set('file', new File([html], name, { type }));
      const up = await s.app.request(`/api/task-reports/${reports[0]!.id}/evidence`, {
        method: 'POST',
        headers: { cookie: p.own.cookie, 'x-csrf-token': p.own.csrf },
        body: f,
      });
      expect(up.status, name).toBe(201);
      const { id } = (await up.json()) as { id: string };
      const res = await s.app.request(`/api/evidence/${id}`, { headers: { cookie: p.own.cookie } });
      expect(res.status).toBe(200);
      const ct = res.headers.get('content-type') ?? '';
      expect(ct, name).not.toMatch(/html|svg|javascript|xml/);
      expect(res.headers.get('content-disposition'), name).toMatch(/^attachment/);
      expect(res.headers.get('content-disposition'), name).not.toMatch(/filename="[^"]*"[^;]*"/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy') ?? '').toMatch(/sandbox/);
      expect(await res.text()).toBe(html);
    }
  });

  it('refuses an empty evidence file with a typed error and stores nothing (issue 12, break 13)', async () => {
    const [report] = await s.db.query<{ id: string }>('SELECT id FROM task_reports LIMIT 1');
    const count = async () =>
      (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_files'))[0]!.n;
    const before = await count();
    const f = new FormData();
    f.set('file', new File([], 'empty.pdf', { type: 'application/pdf' }));
    const up = await s.app.request(`/api/task-reports/${report!.id}/evidence`, {
      method: 'POST',
      headers: { cookie: p.own.cookie, 'x-csrf-token': p.own.csrf },
      body: f,
    });
    expect(up.status).toBe(422);
    const body = (await up.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain('empty');
    expect(await count()).toBe(before);
  });
});
