import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { httpFrom, postJson } from '../support/http-from.ts';
import { TEST_PASSWORD } from '../support/session.ts';

/**
 * Client identity over real sockets: each loopback address (127.0.0.x) is a different client. The proxy at
 * 127.0.0.50 is trusted; every other peer's forwarding headers must be ignored.
 */
describe('client identity behind the public replay (issue 12, break 1)', () => {
  let dir: string;
  let server: RunningServer;
  const PROXY = '127.0.0.50';

  const login = (from: string, email: string, password: string, headers: Record<string, string> = {}) =>
    postJson(from, `${server.url}/api/auth/login`, { email, password }, headers);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantu-client-id-'));
    server = await startServer(
      loadConfig({
        PORT: '0',
        LANTU_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        LANTU_TRUSTED_PROXIES: `${PROXY}, 10.9.0.0/16`,
      }),
    );
    for (const who of ['admin', 'victim', 'other']) {
      await createUser(
        server.db,
        { email: `${who}@ident.test`, password: TEST_PASSWORD, role: who === 'admin' ? 'admin' : 'assessor' },
        { id: null, label: 'test' },
      );
    }
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('20 failed logins from one address lock that address only: the admin logs in from another', async () => {
    for (let k = 0; k < 20; k++) {
      const r = await login('127.0.0.2', `nobody${k}@ident.test`, 'guess guess');
      expect(r.status, `attempt ${k}`).toBe(401);
    }
    expect((await login('127.0.0.2', 'admin@ident.test', TEST_PASSWORD)).status).toBe(429);
    const admin = await login('127.0.0.3', 'admin@ident.test', TEST_PASSWORD);
    expect(admin.status).toBe(200);
    expect(admin.json().user.email).toBe('admin@ident.test');
  });

  it('ignores X-Forwarded-For and Forwarded from a peer that is not a trusted proxy', async () => {
    for (let k = 0; k < 20; k++) {
      const r = await login('127.0.0.4', `nobody${k}@ident.test`, 'guess guess', {
        'x-forwarded-for': `198.51.100.${k}`,
        forwarded: `for=198.51.100.${k}`,
      });
      expect(r.status).toBe(401);
    }
    const spoofed = await login('127.0.0.4', 'admin@ident.test', TEST_PASSWORD, {
      'x-forwarded-for': '198.51.100.200',
    });
    expect(spoofed.status).toBe(429);
  });

  it("takes the client from a trusted proxy's X-Forwarded-For, skipping trusted hops", async () => {
    // the client forged the first entry; the proxy appended the real peer (203.0.113.7), then an inner proxy
    const via = (client: string) => ({ 'x-forwarded-for': `1.2.3.4, ${client}, 10.9.1.1` });
    for (let k = 0; k < 20; k++) {
      expect((await login(PROXY, `nobody${k}@ident.test`, 'guess', via('203.0.113.7'))).status).toBe(401);
    }
    expect((await login(PROXY, 'admin@ident.test', TEST_PASSWORD, via('203.0.113.7'))).status).toBe(429);
    // another citizen behind the same proxy is not affected, nor is the proxy's own address
    expect((await login(PROXY, 'admin@ident.test', TEST_PASSWORD, via('203.0.113.8'))).status).toBe(200);
    expect((await login(PROXY, 'admin@ident.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('locks an account for the client that guessed, not for the real user elsewhere', async () => {
    for (let k = 0; k < 5; k++)
      expect((await login('127.0.0.6', 'victim@ident.test', `wrong ${k}`)).status).toBe(401);
    expect((await login('127.0.0.6', 'victim@ident.test', TEST_PASSWORD)).status).toBe(429);
    expect((await login('127.0.0.7', 'victim@ident.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('answers a locked unknown account exactly like a locked existing one', async () => {
    const answers: { status: number; body: string }[] = [];
    for (const email of ['other@ident.test', 'ghost@ident.test']) {
      for (let k = 0; k < 5; k++) expect((await login('127.0.0.8', email, `wrong ${k}`)).status).toBe(401);
      const r = await login('127.0.0.8', email, `wrong again`);
      answers.push({ status: r.status, body: r.text });
    }
    expect(answers[0]!.status).toBe(429);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('limits comments per client, not for all citizens at once', async () => {
    const indicators = (await httpFrom('127.0.0.9', `${server.url}/api/public/indicators`)).json<{
      items: { id: string }[];
    }>().items;
    const secret = await installationSecret(server.db);
    const comment = (from: string, k: number) =>
      postJson(from, `${server.url}/api/public/feedback`, {
        targetType: 'indicator',
        targetId: indicators[k % 30]!.id,
        body: `client test ${from} ${k}`,
        challenge: issueChallenge(secret, new Date(Date.now() - 60_000 - k * 1000)),
      });
    for (let k = 0; k < 5; k++) expect((await comment('127.0.0.9', k)).status).toBe(202);
    expect((await comment('127.0.0.9', 5)).status).toBe(429);
    expect((await comment('127.0.0.10', 6)).status).toBe(202);
  });

  it('the session cookie is Secure when a trusted proxy says the browser used https, not when anyone else does (break 5)', async () => {
    const cookie = (r: { headers: Record<string, string | string[] | undefined> }) =>
      String(r.headers['set-cookie'] ?? '');
    const viaProxy = await login(PROXY, 'victim@ident.test', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-proto': 'https',
    });
    expect(viaProxy.status).toBe(200);
    expect(cookie(viaProxy)).toMatch(/^lantu_session=[^;]+;.*\bSecure\b/);
    expect(cookie(viaProxy)).toMatch(/\bHttpOnly\b/);
    expect(cookie(viaProxy)).toMatch(/\bSameSite=Lax\b/);
    const spoofed = await login('127.0.0.12', 'victim@ident.test', TEST_PASSWORD, {
      'x-forwarded-proto': 'https',
    });
    expect(spoofed.status).toBe(200);
    expect(cookie(spoofed)).toMatch(/^lantu_session=/);
    expect(cookie(spoofed)).not.toMatch(/\bSecure\b/);
  });
});
