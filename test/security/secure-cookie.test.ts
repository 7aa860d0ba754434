import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { testDatabases } from '../support/databases.ts';
import { TEST_PASSWORD } from '../support/session.ts';
import { dbSuite } from '../support/app.ts';

/** Issue 12, break 5: behind a TLS-terminating proxy, LANTU_PUBLIC_URL=https://… makes the session cookie Secure. */
describe.each(testDatabases)('session cookie and LANTU_PUBLIC_URL on $kind', ({ create }) => {
  const s = dbSuite(create);

  beforeAll(async () => {
    await createUser(
      s.db,
      { email: 'tls@cookie.test', password: TEST_PASSWORD, role: 'assessor' },
      {
        id: null,
        label: 'test',
      },
    );
  });

  /** The Set-Cookie of a login on an app configured from these environment variables (plain HTTP request). */
  async function loginCookie(env: NodeJS.ProcessEnv): Promise<string> {
    const app = createApp({
      db: s.db,
      logger: pino({ level: 'silent' }),
      version: 'test',
      edge: loadConfig(env).edge,
    });
    const res = await app.request('http://10.0.0.5:3000/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'tls@cookie.test', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie') ?? '';
  }

  it('is Secure with an https public URL, though the proxy speaks plain HTTP to lantu', async () => {
    const cookie = await loginCookie({ LANTU_PUBLIC_URL: 'https://plan.example.gov.cn' });
    expect(cookie).toMatch(/^lantu_session=[^;]+;/);
    expect(cookie).toMatch(/;\s*Secure\b/);
    expect(cookie).toMatch(/;\s*HttpOnly\b/);
  });

  it('is not Secure on plain HTTP, and an untrusted X-Forwarded-Proto does not change that', async () => {
    for (const env of [{}, { LANTU_PUBLIC_URL: 'http://127.0.0.1:3000' }]) {
      const cookie = await loginCookie(env);
      expect(cookie).toMatch(/^lantu_session=/);
      expect(cookie).not.toMatch(/\bSecure\b/);
    }
  });

  it('refuses a public URL that is not http(s) at start-up', () => {
    expect(() => loadConfig({ LANTU_PUBLIC_URL: 'ftp://plan.example.gov.cn' })).toThrow(/LANTU_PUBLIC_URL/);
  });
});
