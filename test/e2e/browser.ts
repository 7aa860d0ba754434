import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The same step `npm start` runs: build dist/web when it is missing or older than src/web. */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ['src/web/tools/prestart.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(`${REPO}dist/web/index.html`)) throw new Error('web build failed');
}

export interface Account {
  email: string;
  password: string;
}

/** Signs in through the login form on `page` and waits for the signed-in shell. */
export async function signIn(page: Page, base: string, who: Account): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/邮箱|Email/).fill(who.email);
  await page.getByLabel(/密码|Password/).fill(who.password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** A signed-in API client beside the browser, for setting up what a screen needs and checking what it saved. */
export interface ApiClient {
  /** A JSON call; `body` is the answer's JSON as the caller expects it (asserted field by field). */
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A GET whose answer is read as bytes (downloads). */
  bytes(path: string): Promise<{ status: number; body: Buffer }>;
}

/** Signs `who` in through POST /api/auth/login: every call then sends the session cookie and the CSRF token. */
export async function apiAs(base: string, who: Account): Promise<ApiClient> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(login.status, `sign-in of ${who.email}`).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    async json<T>(method: string, path: string, body?: unknown) {
      const r = await call(method, path, body);
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async bytes(path: string) {
      const r = await call('GET', path);
      return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
    },
  };
}

/**
 * A JSON call made by `page` itself (its session cookie, the CSRF token GET /api/auth/me gives it), as the
 * screen's own code would make it: the answer's status and JSON as the caller expects it.
 */
export async function callInPage<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const answer = await page.evaluate(
    async ([m, p, b]) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const r = await fetch(p, {
        method: m,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as unknown };
    },
    [method, path, body] as const,
  );
  return { status: answer.status, body: answer.body as T };
}

/** A department's value entered and submitted from `page` (callInPage): the two answers' statuses. */
export async function submitInPage(page: Page, value: Record<string, unknown>): Promise<[number, number]> {
  const made = await callInPage<{ observation: { id: string } }>(page, 'POST', '/api/observations', value);
  const submit = await callInPage(page, 'POST', `/api/observations/${made.body.observation.id}/submit`);
  return [made.status, submit.status];
}

export interface PageOptions {
  /** viewport width in px; 1280 when absent */
  width?: number;
  /** viewport height in px; 900 when absent */
  height?: number;
  /** Playwright's wait for each step, in ms (its own 30 s when absent): the shared machine is slow */
  timeout?: number;
  /** collects the page's uncaught errors */
  pageErrors?: string[];
}

/** A new Chinese-locale browser context with a page, nobody signed in. */
export async function openPage(
  browser: Browser,
  opts: PageOptions = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'zh-CN',
  });
  if (opts.timeout !== undefined) ctx.setDefaultTimeout(opts.timeout);
  const page = await ctx.newPage();
  const errors = opts.pageErrors;
  if (errors) page.on('pageerror', (e) => errors.push(e.message));
  return { ctx, page };
}

/** A new Chinese-locale browser context with a page signed in as `who`. */
export async function loggedIn(
  browser: Browser,
  base: string,
  who: Account,
  opts: PageOptions = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const opened = await openPage(browser, opts);
  await signIn(opened.page, base, who);
  return opened;
}

/** Searches for `q` from the signed-in shell's header box and waits for the search page's address: its results. */
export async function headerSearch(page: Page, q: string): Promise<Locator> {
  const box = page.getByRole('searchbox', { name: /检索规划文本/ });
  await box.fill(q);
  await box.press('Enter');
  await page.waitForURL(/\/search\?/);
  return page.getByTestId('search-page');
}

/** A visitor's comment `body` on the portal page at `url` (an indicator's), written at a person's pace and sent;
 * waits for the notice that it is published after moderation. */
export async function commentOnPortal(page: Page, url: string, body: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('意见内容').fill(body);
  await page.getByLabel(/称呼/).fill('园区居民');
  await page.waitForTimeout(3500); // a person takes longer than the anti-bot minimum to write
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('审核后公开');
}

/** Switches the shell's language control and waits until `probe` (the page's first heading when absent) is in that
 * language — a page whose heading is data in one language (an indicator's name) names another element. */
export async function switchLang(page: Page, lang: 'zh' | 'en', probe?: Locator): Promise<void> {
  await page
    .locator('.shell-header .ant-segmented')
    .filter({ hasText: 'EN' })
    .getByText(lang === 'en' ? 'EN' : '中文', { exact: true })
    .click();
  const target = probe ?? page.locator('h1').first();
  await expect
    .poll(() => target.textContent(), { timeout: 30_000, interval: 250 })
    .toMatch(lang === 'en' ? /^[^\u4e00-\u9fff]*$/ : /[\u4e00-\u9fff]/);
}

/** axe on the screen as it stands: its serious and critical violations as `label rule: targets`
 * (colour contrast is left out: it is the theme's). */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).disableRules(['color-contrast']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe on the screen as it stands, its serious and critical violations added to `into`; then a screenshot
 * into test-results/ when `shot` names one. */
export async function axeNow(
  page: Page,
  label: string,
  into: string[],
  shot?: { file: string; fullPage?: boolean },
): Promise<void> {
  into.push(...(await seriousViolations(page, label)));
  if (shot) await page.screenshot({ path: join(RESULTS, shot.file), fullPage: shot.fullPage ?? false });
}
