/**
 * Reach in Chromium (issue 17, Done-when 4 and bug 8): every workspace screen (the route list read from
 * src/web/routes.tsx, so a new screen is visited without touching this file) and every portal page, in Chinese
 * and in English —
 * - axe: no serious or critical violation;
 * - English mode: no Chinese in the UI chrome (buttons, headings, table heads, labels, tabs, menus, empty
 *   texts, placeholders, accessible names); plan data (names, titles, sentences quoted from the plan) may stay
 *   Chinese;
 * - departments by name, never by code (XZSP, KJJ …), except in the admin's department table;
 * - the portal at 375 px: the page itself never scrolls sideways (tables scroll inside their box).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  planIndicators,
  planProjects,
  planTree,
  publicJson,
  sipPlanId,
  type Serve,
} from '../support/e2e-server.ts';
import { everyNode, firstTask, type TitledNode, type TreeNode } from '../support/plan-tree.ts';
import { seriousViolations, signIn, type Account } from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'admin@reach.test', password: 'admin-pass-123' };
const DEPT = { email: 'kjj@reach.test', password: 'dept-pass-123' };
const ROUTES_FILE = new URL('../../src/web/routes.tsx', import.meta.url);
const DATASET = new URL('../../data/sip-14th/dataset.json', import.meta.url);
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** The workspace's route patterns, as the router declares them. */
function workspacePatterns(): string[] {
  const src = readFileSync(ROUTES_FILE, 'utf8');
  return [...src.matchAll(/pattern:\s*'([^']+)'/g)].map((m) => m[1]!);
}

/** Chrome that must be English in English mode, and the attributes that name things. */
const CHROME =
  'button, th, label, h1, h2, h3, h4, h5, [role=tab], [role=menuitem], .ant-menu-title-content, ' +
  '.ant-card-head-title, .ant-descriptions-item-label, .ant-form-item-label, .ant-empty-description, ' +
  '.ant-statistic-title, .ant-segmented-item-label, .ant-select-selection-placeholder, .ant-pagination, ' +
  '.ant-modal-title, .ant-alert-message, .ant-alert-title, .ant-tabs-tab, .ant-radio-wrapper, .ant-checkbox-wrapper, ' +
  '.ant-tag, .ant-badge, .ant-typography-secondary, .ant-result-title, legend, caption, summary, ' +
  'nav, footer, dt, .chrome';

/**
 * Run in the page (a string: this file is type-checked without the DOM): CJK text of the chrome outside
 * [data-plan-data] / [lang^=zh] and department codes shown as text.
 */
const INSPECT = String.raw`({ chrome, codes, data: dataTexts }) => {
  const hanRe = /[\u3400-\u9fff]/;
  // plan data (names, titles, the search phrase) may be Chinese in English mode: take it out first
  const cjk = { test: (text) => hanRe.test(dataTexts.reduce((rest, d) => rest.split(d).join(' '), text)) };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const data = (el) =>
    el.closest('[data-plan-data], [lang^="zh"]:not(html), .ant-select-item, .ant-tree-title, canvas') !== null;
  const chromeCjk = new Set();
  for (const el of document.querySelectorAll(chrome)) {
    if (!visible(el) || data(el)) continue;
    let own = '';
    const walk = (n) => {
      for (const c of n.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) own += c.textContent || '';
        else if (c instanceof Element && !data(c)) walk(c);
      }
    };
    walk(el);
    if (cjk.test(own)) chromeCjk.add(el.tagName.toLowerCase() + ': ' + own.trim().slice(0, 60));
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (data(el)) continue;
    for (const a of ['aria-label', 'placeholder', 'title']) {
      const v = el.getAttribute(a);
      if (v && cjk.test(v)) chromeCjk.add('@' + a + ': ' + v.slice(0, 60));
    }
  }
  const codeRe = new RegExp('(^|[^A-Za-z0-9_-])(' + codes.join('|') + ')($|[^A-Za-z0-9_-])');
  const codesShown = new Set();
  const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    const p = n.parentElement;
    if (!p || !visible(p) || p.closest('[data-dept-code], script, style, code')) continue;
    const m = codeRe.exec(n.textContent || '');
    if (m) codesShown.add(m[2] + ' in “' + (n.textContent || '').trim().slice(0, 60) + '”');
  }
  return { chromeCjk: [...chromeCjk], codesShown: [...codesShown] };
}`;

async function inspect(
  page: Page,
  codes: string[],
  data: string[],
): Promise<{ chromeCjk: string[]; codesShown: string[] }> {
  return page.evaluate(`(${INSPECT})(${JSON.stringify({ chrome: CHROME, codes, data })})`);
}

/**
 * Texts that are plan data, not chrome: what the API holds (plan titles, node numbers and titles, indicator,
 * project and department names), the phrase searched for, the language switch's 中文 (a language is named in
 * itself), and the status words a numeric cell accepts (the entry hint quotes them as they are typed).
 */
async function planDataTexts(base: string, planId: string): Promise<string[]> {
  const out = new Set<string>(['中文', 'Language / 语言', '创新', '完成', '未完成', '数据暂缺']);
  const add = (...xs: (string | null | undefined)[]) => xs.forEach((x) => x && out.add(x));
  const plans = await publicJson<{ items: { title: string; shortTitle: string | null }[] }>(
    base,
    '/api/plans',
  );
  for (const p of plans.items) add(p.title, p.shortTitle);
  for (const n of everyNode(await planTree<TitledNode>(base, planId))) add(n.number, n.title);
  const inds = await planIndicators<{
    code: string;
    name: string;
    unit: string | null;
    category?: string | null;
    departments: { name: string }[];
  }>(base, planId);
  for (const i of inds) add(i.name, i.unit, i.category, ...i.departments.map((d) => d.name));
  const projects = await planProjects<{ name: string; leadUnit: string | null }>(base, planId);
  for (const p of projects) add(p.name, p.leadUnit);
  const ds = JSON.parse(readFileSync(DATASET, 'utf8')) as {
    departments: { name: string }[];
    plans: { indicators?: { name: string }[] }[];
  };
  add(...ds.departments.map((d) => d.name));
  for (const p of ds.plans) add(...(p.indicators ?? []).map((i) => i.name));
  return [...out].sort((x, y) => y.length - x.length);
}

/** Run in the page: text on the wall display cut without its title, or running out of its panel. */
const CLIPPED = String.raw`(() => {
  const out = [];
  const wall = document.querySelector('.screen').getBoundingClientRect();
  for (const el of document.querySelectorAll('.screen *')) {
    if (!(el instanceof HTMLElement) || !el.textContent.trim() || el.closest('canvas, svg')) continue;
    const box = (el.parentElement && el.parentElement.closest('.screen-panel, .screen')) || document.body;
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible';
    if (cut && el.title !== el.textContent.trim()) out.push('cut without title: ' + el.textContent.slice(0, 50));
    if (r.right > b.right + 1 || r.right > wall.right + 1)
      out.push('runs out of its panel: ' + el.className + ' ' + el.textContent.slice(0, 50));
  }
  return out;
})()`;

describe('every screen in both languages: axe, English chrome, department names, 375 px portal (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { indicator: '', node: '', task: '', project: '' };
  const codes = (
    JSON.parse(readFileSync(DATASET, 'utf8')) as { departments: { code: string }[] }
  ).departments.map((d) => d.code);
  const axeFindings: string[] = [];
  const chromeFindings: string[] = [];
  const codeFindings: string[] = [];
  const pageErrors: string[] = [];
  let dataTexts: string[] = [];

  async function context(lang: Lang, width = 1280): Promise<BrowserContext> {
    const ctx = await browser.newContext({
      viewport: { width, height: 900 },
      locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
    });
    ctx.setDefaultTimeout(60_000);
    await ctx.addInitScript(`window.localStorage.setItem('lantu.lang', '${lang === 'zh' ? 'zh-CN' : 'en'}')`);
    contexts.push(ctx);
    return ctx;
  }

  async function login(lang: Lang, who: Account): Promise<Page> {
    const page = await (await context(lang)).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, server.url, who);
    // the account's saved language wins at login: choose the one under test (and save it)
    const want = lang === 'en' ? 'EN' : '中文';
    await page.locator('.shell-header .ant-segmented').getByText(want, { exact: true }).click();
    const code = lang === 'en' ? 'en' : 'zh-CN';
    // page.evaluate, not waitForFunction: a string predicate is eval'd in the page, which the CSP refuses
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(code);
    await expect
      .poll(
        () => page.evaluate(`fetch('/api/auth/me').then((r) => r.json()).then((b) => (b.user ?? b).locale)`),
        {
          timeout: 30_000,
        },
      )
      .toBe(code);
    return page;
  }

  /** Wait until the screen has loaded what it asked for (no spinner, no skeleton, the network quiet). */
  async function settle(page: Page) {
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    await expect
      .poll(
        () => page.evaluate("document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length"),
        {
          timeout: 60_000,
        },
      )
      .toBe(0)
      .catch(() => undefined);
    await page.waitForTimeout(400);
  }

  async function check(page: Page, name: string, lang: Lang, opts: { codesAllowed?: boolean } = {}) {
    await settle(page);
    axeFindings.push(...(await seriousViolations(page, `${name} ${lang}`)));
    const found = await inspect(page, codes, dataTexts);
    // once per text (the shell repeats on every screen), with the first screen that shows it
    if (lang === 'en')
      for (const c of found.chromeCjk)
        if (!chromeFindings.some((f) => f.endsWith(` ${c}`))) chromeFindings.push(`${name}: ${c}`);
    if (!opts.codesAllowed) for (const c of found.codesShown) codeFindings.push(`${name} ${lang}: ${c}`);
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-reach-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: 'KJJ' },
    ]));
    const planId = await sipPlanId(server.url);
    const inds = await planIndicators<{ id: string; code: string }>(server.url, planId);
    ids.indicator = inds.find((i) => i.code === 'T2-12')!.id;
    const tree = await planTree<TreeNode>(server.url, planId);
    ids.node = tree[0]!.id;
    ids.task = firstTask(tree)?.id ?? ids.node;
    ids.project = (await planProjects<{ id: string }>(server.url, planId))[0]!.id;
    dataTexts = await planDataTexts(server.url, planId);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await stopSite({ browser, server, dataDir });
  });

  const reset = () => [axeFindings, chromeFindings, codeFindings, pageErrors].forEach((a) => (a.length = 0));

  // issue 17, bug 8: a frozen snapshot's reports could only be fetched through the API
  it('downloads a frozen snapshot report from the evaluation screen', async () => {
    const page = await login('zh', ADMIN);
    await page.goto(`${server.url}/evaluation`);
    await page.getByTestId('reports').waitFor();
    await page.getByTestId('reports').getByRole('button', { name: /冻结/ }).click();
    const row = page.getByTestId('snapshot-downloads').first();
    await row.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      row.getByRole('link', { name: /快照报告 \.xlsx/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(dataDir, 'snapshot.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const md = await page.request.get(
      `${server.url}${(await row.getByRole('link', { name: /\.md$/ }).getAttribute('href')) ?? ''}`,
    );
    expect(md.status()).toBe(200);
    expect(md.headers()['x-lantu-snapshot']).toMatch(/^[0-9a-f-]{36}$/);
  }, 300_000);

  // issue 17, bug 8: the wall display clipped long English labels
  it('the wall display in English keeps every label inside its panel (wrapped, or cut with the whole text as title)', async () => {
    const ctx = await context('en', 1920);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/screen`);
    await page.getByTestId('screen').waitFor();
    await page.locator('.screen-list li').first().waitFor();
    await settle(page);
    const clipped = await page.evaluate<string[]>(CLIPPED);
    expect(clipped).toEqual([]);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(1920);
  }, 300_000);

  it("keeps the evaluation screen's choices in the address across a reload", async () => {
    const page = await login('zh', ADMIN);
    await page.goto(`${server.url}/evaluation`);
    await page.getByTestId('reports').waitFor();
    await page.getByText('含正文目标', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBe('all');
    const before = new URL(page.url()).searchParams;
    expect(before.get('plan')).toMatch(/./);
    expect(before.get('year')).toMatch(/^\d{4}$/);
    await page.reload();
    await page.getByTestId('reports').waitFor();
    const after = new URL(page.url()).searchParams;
    for (const k of ['plan', 'year', 'method', 'scope']) expect(after.get(k)).toBe(before.get(k));
    expect(await page.locator('.ant-segmented-item-selected').allTextContents()).toContain('含正文目标');
  }, 300_000);

  it('visits every workspace route as the office and as a department, in Chinese and English', async () => {
    reset();
    const patterns = workspacePatterns();
    expect(patterns.length).toBeGreaterThan(15);
    const path = (p: string) =>
      p
        .replace(':nodeId', ids.task)
        .replace(/^\/indicators\/:id$/, `/indicators/${ids.indicator}`)
        .replace(/^\/projects\/:id$/, `/projects/${ids.project}`)
        .replace(/:id\b/, ids.indicator);
    const anonymous = new Set(['/login', '/reset-password']);
    const extra = ['/supervision?tab=bulletin', '/search?q=%E5%88%9B%E6%96%B0', `/plan/${ids.node}`];
    for (const lang of LANGS) {
      const office = await login(lang, ADMIN);
      const dept = await login(lang, DEPT);
      const visitor = await (await context(lang)).newPage();
      for (const p of [...patterns.map(path), ...extra]) {
        const page = anonymous.has(p) ? visitor : p === '/entry' ? dept : office;
        await page.goto(`${server.url}${p}`);
        await check(page, p, lang, { codesAllowed: p === '/admin' });
        if (p === '/inbox' || p === '/comments' || p === '/assessment') {
          await dept.goto(`${server.url}${p}`);
          await check(dept, `${p} (department)`, lang);
        }
        if (p === '/admin') {
          for (const tab of await office.getByRole('tab').all()) {
            await tab.click();
            await check(office, `/admin tab ${(await tab.textContent()) ?? ''}`, lang, {
              codesAllowed: true,
            });
          }
        }
      }
    }
    expect({ axeFindings, chromeFindings, codeFindings, pageErrors }).toEqual({
      axeFindings: [],
      chromeFindings: [],
      codeFindings: [],
      pageErrors: [],
    });
  }, 1_800_000);

  it('visits every portal page in Chinese and English: axe, English chrome, names and 375 px', async () => {
    const pages = [
      '/public',
      `/public/indicators/${ids.indicator}`,
      `/public/projects/${ids.project}`,
      `/public/nodes/${ids.task}`,
      '/public/projects',
      '/public/reports',
      '/public/feedback',
      '/public/no-such-page',
    ];
    reset();
    const wide: string[] = [];
    for (const lang of LANGS) {
      const desk = await (await context(lang)).newPage();
      const phone = await (await context(lang, 375)).newPage();
      for (const p of pages) {
        await desk.goto(`${server.url}${p}?lang=${lang}`);
        await check(desk, p, lang);
        await phone.goto(`${server.url}${p}?lang=${lang}`);
        await check(phone, `${p} @375`, lang);
        const w = Number(await phone.evaluate('document.documentElement.scrollWidth'));
        if (w > 375) wide.push(`${p} ${lang}: ${w} px`);
      }
    }
    expect({ axeFindings, chromeFindings, codeFindings, wide }).toEqual({
      axeFindings: [],
      chromeFindings: [],
      codeFindings: [],
      wide: [],
    });
  }, 900_000);
});
