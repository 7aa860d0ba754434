import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { TEST_PASSWORD } from '../support/session.ts';

describe('public reads replayed from node:http', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantu-replay-'));
    server = await startServer(loadConfig({ PORT: '0', LANTU_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (email: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  };

  it('answers repeat reads with the same bytes and security headers, and shows an approval at once', async () => {
    const url = `${server.url}/api/public/indicators`;
    const first = await fetch(url);
    const firstBody = await first.text();
    const second = await fetch(url);
    expect(await second.text()).toBe(firstBody);
    for (const h of [
      'etag',
      'content-security-policy',
      'x-content-type-options',
      'cache-control',
      'content-type',
    ]) {
      expect(second.headers.get(h), h).toBe(first.headers.get(h));
    }
    expect(second.headers.get('set-cookie')).toBeNull();
    const notModified = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);

    const items = (
      JSON.parse(firstBody) as { items: { id: string; code: string; latestValue: number | null }[] }
    ).items;
    const target = items.find((i) => i.code === 'T2-13')!;
    await createUser(
      server.db,
      { email: 'kjj@replay.test', password: TEST_PASSWORD, role: 'department', departments: ['KJJ'] },
      { id: null, label: 'test' },
    );
    await createUser(
      server.db,
      { email: 'admin@replay.test', password: TEST_PASSWORD, role: 'admin' },
      { id: null, label: 'test' },
    );
    const dept = await login('kjj@replay.test');
    const admin = await login('admin@replay.test');
    const created = await dept('POST', '/api/observations', {
      indicatorId: target.id,
      period: '2021',
      value: 2600,
    });
    const id = (created.body.observation as { id: string }).id;
    await dept('POST', `/api/observations/${id}/submit`);
    expect((await dept('GET', '/api/health')).status).toBe(200);
    // still the old answer while the value is only submitted
    expect(await (await fetch(url)).text()).toBe(firstBody);
    expect((await admin('POST', `/api/observations/${id}/approve`)).status).toBe(200);
    const after = (await (await fetch(url)).json()) as {
      items: { code: string; latestValue: number | null }[];
    };
    expect(after.items.find((i) => i.code === 'T2-13')?.latestValue).toBe(2600);
  });
});
