import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT } from '../../src/server/body-guard.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { getJson, seededSuite, type TestApp } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { formChallenge, postFeedback } from '../support/feedback.ts';
import { loginAs, type Client } from '../support/session.ts';

/** Every write route, upload routes included: a JSON body is held to the JSON limit wherever it goes. */
function jsonWriteRoutes(app: TestApp): [string, string][] {
  const routes = app.routes
    .filter((r) => r.path.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort().map((r) => r.split(' ') as [string, string]);
}

describe.each(testDatabases)(
  'request bodies at the edge on $kind (issue 12, breaks 9 and 11)',
  ({ create }) => {
    const s = seededSuite(create);
    let admin: Client;

    beforeAll(async () => {
      admin = await loginAs(s.app, s.db, 'admin');
    });

    it('refuses a JSON body over 1 MB with 413 on every JSON write route, as admin and anonymous', async () => {
      const big = JSON.stringify({ body: 'x'.repeat(JSON_BODY_LIMIT) });
      const routes = jsonWriteRoutes(s.app);
      expect(routes.length).toBeGreaterThan(20);
      const answers: string[] = [];
      for (const [method, pattern] of routes) {
        const path = pattern.replace(/:(\w+)/g, (_, name: string) =>
          name === 'year' ? '2023' : randomUUID(),
        );
        for (const who of ['admin', 'anonymous'] as const) {
          const res = await s.app.request(path, {
            method,
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(big)),
              ...(who === 'admin' ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf } : {}),
            },
            body: big,
          });
          const error = ((await res.json()) as { error?: { code?: string } }).error;
          answers.push(`${method} ${pattern} ${who} ${res.status} ${error?.code}`);
        }
      }
      expect(answers.filter((a) => !a.endsWith(' 413 payload_too_large'))).toEqual([]);
    });

    it('accepts a body just under the limit (the limit is not a shrunken field cap)', async () => {
      const res = await admin.request('POST', '/api/departments', {
        code: 'BIG1',
        name: '大部门',
        padding: 'x'.repeat(JSON_BODY_LIMIT - 200),
      });
      expect(res.status).toBe(201);
    });

    it('refuses a lone surrogate in any JSON text with 422 naming the field, and stores nothing', async () => {
      const dept = await admin.request('POST', '/api/departments', { code: 'SUR1', name: 'bad \ud800 name' });
      expect(dept.status).toBe(422);
      expect(dept.body.error.code).toBe('validation_failed');
      expect(dept.body.error.message).toMatch(/^name: .*surrogate/);
      const listed = await admin.request('GET', '/api/departments');
      expect(JSON.stringify(listed.body)).not.toContain('SUR1');

      const indicators = (await getJson<{ items: { id: string }[] }>(s.app, '/api/public/indicators')).body
        .items;
      const challenge = await formChallenge(s.db);
      for (const body of [
        { targetType: 'indicator', targetId: indicators[0]!.id, body: 'x\udc00', challenge },
        { targetType: 'indicator', targetId: indicators[0]!.id, body: 'ok', name: '\ud83d', challenge },
      ]) {
        const res = await postFeedback(s.app, body);
        expect(res.status).toBe(422);
      }
      const login = await s.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a\ud800@x.example', password: 'p' }),
      });
      expect(login.status).toBe(422);
      // paired surrogates (emoji, CJK extension B) are fine
      const ok = await admin.request('POST', '/api/departments', { code: 'SUR2', name: '部门 😀 𠮷' });
      expect(ok.status).toBe(201);
    });
  },
);

describe('request-body limit over a real socket', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantu-bodies-'));
    server = await startServer(loadConfig({ PORT: '0', LANTU_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends only the first kilobyte of a body and reports the status the server answers with meanwhile. */
  const partial = (path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.write('{"body":"' + 'x'.repeat(1024));
      setTimeout(() => reject(new Error('no answer before the body was sent')), 5000).unref();
    });

  it('answers 413 to a declared 300 MB JSON body before reading it', async () => {
    for (const path of ['/api/auth/login', '/api/public/feedback', '/api/departments']) {
      const status = await partial(path, {
        'content-type': 'application/json',
        'content-length': String(300 * 1024 * 1024),
      });
      expect(status, path).toBe(413);
    }
  });

  it('answers 413 to a chunked JSON body once it passes the limit, and to a big portal form', async () => {
    const multipart = await fetch(`${server.url}/public/feedback`, { method: 'POST', body: new FormData() });
    expect(multipart.status).toBe(415);
    const chunked = await fetch(`${server.url}/api/public/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(ctl) {
          for (let i = 0; i < 3; i++) ctl.enqueue(new TextEncoder().encode('x'.repeat(512 * 1024)));
          ctl.close();
        },
      }),
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    const form = await partial('/public/feedback', {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(300 * 1024 * 1024),
    });
    expect(form).toBe(413);
  });
});
