import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { startTestIdentityService, type TestIdentityService } from '../support/oidc-provider.ts';
import { ensureWebBuilt, launch, openPage, RESULTS } from './browser.ts';
import { stopSite } from './site.ts';

/** A port to give lantu before it starts: the identity service must know lantu's redirect URI first. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('government sign-on in the browser (Chromium, real oidc-provider)', () => {
  let dataDir: string;
  let idp: TestIdentityService;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startTestIdentityService({
      redirectUri: `${base}/api/auth/oidc/callback`,
      postLogoutRedirectUri: `${base}/login`,
    });
    idp.people.set('gov-0001', { email: 'office@sip.example', email_verified: true, name: '规划处张三' });
    idp.people.set('gov-0404', { email: 'nobody@sip.example', email_verified: true });
    dataDir = mkdtempSync(join(tmpdir(), 'lantu-sso-e2e-'));
    server = await startServer(
      loadConfig({
        PORT: String(port),
        LANTU_DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        LANTU_PUBLIC_URL: base,
        LANTU_OIDC_ISSUER: idp.issuer,
        LANTU_OIDC_CLIENT_ID: idp.clientId,
        LANTU_OIDC_CLIENT_SECRET: idp.clientSecret,
      }),
    );
    await createUser(
      server.db,
      { email: 'office@sip.example', password: 'a-long-password-1', role: 'admin' },
      { id: null, label: 'test' },
    );
    browser = await launch();
    ({ page } = await openPage(browser));
  });

  afterAll(async () => {
    await stopSite({ browser, server, dataDir });
    await idp?.close();
  });

  const signInAtProvider = async (login: string) => {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
  };

  it('signs in with the 统一身份认证登录 button, and logs out at the identity service too', async () => {
    await page.goto(`${base}/login`);
    const button = page.getByRole('link', { name: '统一身份认证登录' });
    await button.waitFor();
    await page.screenshot({ path: join(RESULTS, 'sso-login.png') });
    await button.click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await signInAtProvider('gov-0001');
    await page.waitForURL(`${base}/inbox`);
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('user-menu').hover();
    await page.getByText(/退出登录|Sign out/).click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/session/end`));
    await page.locator('button[autofocus], button[type="submit"]').first().click(); // the provider's confirmation
    await page.waitForURL((u) => u.href.startsWith(`${base}/login`));
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
  });

  it('tells an unknown person why the sign-in was refused', async () => {
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: '统一身份认证登录' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await signInAtProvider('gov-0404');
    await page.waitForURL(`${base}/login?sso_error=unknown_user`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/尚未在本系统开通/);
  });
});
