import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/pglite.driver.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { ensureWebBuilt, launch } from '../e2e/browser.ts';
import { runCli, startServe } from '../support/cli.ts';

/**
 * Stored XSS: hostile markup in every user-writable field (comment body and name, official reply, observation
 * note, project name, department name), then every page that shows them,
 * in Chromium. The payload must appear as text and never as markup: no injected element, no CSP violation
 * (which would mean the browser saw an inline script or handler it had to block).
 */
const MARK = 'xss-probe';
/** Under 100 characters: department names are limited to 100. */
const PAYLOAD = `"><script>window.__xss=1</script><img src=x data-probe=${MARK} onerror=window.__xss=1>`;

/** Commenter names are short. */
const NAME_PAYLOAD = `<img src=x data-probe=${MARK}>`;

describe('stored XSS rendered escaped in the portal and the workspace (Chromium)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantu-xss-'));
  const env = { LANTU_DATA_DIR: dataDir };
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;
  const ids: Record<string, string> = {};
  const admin = { email: 'office@xss.example', password: 'xss test password' };
  const dept = { email: 'kjj@xss.example', password: 'xss test password' };

  const session = async (who: { email: string; password: string }) => {
    const r = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    return { cookie, call };
  };

  beforeAll(async () => {
    ensureWebBuilt();
    expect((await runCli(['db', 'seed'], env)).code).toBe(0);
    expect(
      (
        await runCli(
          ['user', 'create', '--email', admin.email, '--password', admin.password, '--role', 'admin'],
          env,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          [
            'user',
            'create',
            '--email',
            dept.email,
            '--password',
            dept.password,
            '--role',
            'department',
            '--department',
            'KJJ',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    // the anti-bot secret lives in the database: read it before the server holds the data directory
    const pg = await openPglite(dataDir);
    const secret = await installationSecret(pg);
    await pg.close();
    server = await startServe(env);
    const a = await session(admin);
    const d = await session(dept);
    const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as {
      items: { id: string; key: string }[];
    };
    ids.plan = plans.items.find((p) => p.key === 'sip-14th')!.id;
    const inds = (await (await fetch(`${server.url}/api/plans/${ids.plan}/indicators`)).json()) as {
      items: { id: string; code: string }[];
    };
    ids.indicator = inds.items.find((i) => i.code === 'T2-12')!.id; // no published figure at 2023 to correct

    const obs = (await d.call('POST', '/api/observations', {
      indicatorId: ids.indicator,
      period: '2023',
      value: 3100,
      note: PAYLOAD,
    })) as { observation: { id: string } };
    await d.call('POST', `/api/observations/${obs.observation.id}/submit`);
    await a.call('POST', `/api/observations/${obs.observation.id}/approve`);
    await d.call('POST', '/api/observations', {
      indicatorId: ids.indicator,
      period: '2024',
      value: 3200,
      note: PAYLOAD,
    });
    const project = await a.call('POST', '/api/projects', {
      planId: ids.plan,
      code: 'XSS-1',
      name: PAYLOAD,
      leadDepartment: 'KJJ',
    });
    ids.project = project.id as string;
    await a.call('POST', '/api/departments', { code: 'XSSD', name: PAYLOAD });
    const fb = await fetch(`${server.url}/api/public/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        targetType: 'indicator',
        targetId: ids.indicator,
        body: PAYLOAD,
        name: NAME_PAYLOAD,
        challenge: issueChallenge(secret, new Date(Date.now() - 60_000)),
      }),
    });
    expect(fb.status).toBe(202);
    const fbId = ((await fb.json()) as { id: string }).id;
    await a.call('POST', `/api/feedback/${fbId}/publish`, {});
    await d.call('POST', `/api/feedback/${fbId}/reply`, { body: PAYLOAD });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A new page whose Content Security Policy complaints are collected in `violations` as they come. */
  async function watchedPage(context: BrowserContext): Promise<{ page: Page; violations: string[] }> {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    return { page, violations };
  }

  /** No payload ran or was injected on any visited page, and no Content Security Policy complaint came. */
  function expectNothingRan(results: Awaited<ReturnType<typeof visit>>[]) {
    for (const r of results)
      expect({ path: r.path, executed: r.executed, injected: r.injected, violations: r.violations }).toEqual({
        path: r.path,
        executed: 0,
        injected: 0,
        violations: [],
      });
  }

  async function visit(page: Page, path: string, violations: string[]) {
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    // a string, evaluated in the page: this file is compiled without the DOM library
    const found = await page.evaluate<{ executed: number; injected: number; shownAsText: boolean }>(`({
      executed: window.__xss ?? 0,
      injected: document.querySelectorAll('[data-probe="${MARK}"], svg[onload], script:not([src])').length,
      shownAsText: document.body.innerText.includes('window.__xss=1'),
    })`);
    return { path, ...found, violations: [...violations] };
  }

  it('the public portal shows comments, replies and project names as text', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page, violations } = await watchedPage(context);
    const results = [];
    for (const path of [
      '/public',
      `/public/indicators/${ids.indicator}`,
      '/public/projects',
      `/public/projects/${ids.project}`,
      '/public/feedback',
    ])
      results.push(await visit(page, path, violations));
    console.log('portal', results);
    expectNothingRan(results);
    expect(
      results.find((r) => r.path.startsWith('/public/indicators'))!.shownAsText,
      'the comment is shown, as text',
    ).toBe(true);
    await context.close();
  });

  it('the workspace shows notes, project and department names as text', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page, violations } = await watchedPage(context);
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/邮箱|Email/).fill(admin.email);
    await page.getByLabel(/密码|Password/).fill(admin.password);
    await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
    await page.getByTestId('user-menu').waitFor();
    const results = [];
    for (const path of ['/', `/indicators/${ids.indicator}`, '/projects', '/inbox', '/admin', '/evaluation'])
      results.push(await visit(page, path, violations));
    console.log('workspace', results);
    expectNothingRan(results);
    expect(
      results.some((r) => r.shownAsText),
      'the payload is shown somewhere, as text',
    ).toBe(true);
    await context.close();
  });
});
