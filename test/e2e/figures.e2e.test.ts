import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planIndicators, publicJson, sipPlanId, type Serve } from '../support/e2e-server.ts';
import { apiAs, RESULTS, signIn, submitInPage, type Account } from './browser.ts';
import { percentsOfEvaluation, percentsOfText, unmatched, type Evaluated } from './percent-check.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@figures.test', password: 'office-pass-123456' };
const DEPT = { email: 'jfj@figures.test', password: 'jfj-pass-123456' };
const YEAR = 2025;

/** What an indicator page shows of a stored value besides the figure itself. */
type Stored = { note: string | null; provenance: { quote: string | null; basis: string | null } };

type Rect = { left: number; right: number; top: number; bottom: number };
/** The pie's box and each of its SVG label lines with its box (run in the page). */
const PIE_LABELS = `(() => {
  const el = document.querySelector('[data-testid=verdict-distribution] [role=img]');
  const rect = (n) => { const r = n.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  return { box: rect(el), labels: [...el.querySelectorAll('svg text')].map((t) => ({ text: t.textContent || '', ...rect(t) })) };
})()`;

/**
 * Issue 17, bug 4 at page level: every percentage a workspace or portal page shows for the seeded SIP plan is
 * one the API gives (a rate in percent as is, a share × 100, a value whose unit is %), within the shown
 * rounding — "年均增长 431.6%" for the API's 4.316 fails. And the dashboard pie's labels fit their panel.
 */
describe('figures on the pages (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let planId: string;
  let ids: Map<string, string>; // code → indicator id
  let judged: Evaluated[]; // main indicators (T2-) with a verdict other than 数据暂缺
  let secondary: Evaluated[]; // the outline's other indicators (X-: targets in its prose) with a verdict
  const allowed = new Map<string, number[]>(); // code → every percentage the API gives for it

  async function context(lang: 'zh' | 'en', width = 1280): Promise<BrowserContext> {
    const ctx = await browser.newContext({
      viewport: { width, height: 800 },
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
    });
    await ctx.addInitScript(`window.localStorage.setItem('lantu.lang', '${lang === 'en' ? 'en' : 'zh-CN'}')`);
    await ctx.addCookies([{ name: 'lantu_lang', value: lang, url: server.url }]);
    return ctx;
  }

  const login = (page: Page, who: Account) => signIn(page, server.url, who);

  /** The page's text once it has settled (queries answered, nothing loading). */
  async function textOf(page: Page, path: string, ready: string): Promise<string> {
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await expect
      .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), { timeout: 30_000 })
      .toBe(0);
    return page.evaluate<string>('document.body.innerText');
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-figures-', [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: 'JFJ' },
    ]));
    const get = <T>(path: string) => publicJson<T>(server.url, path);
    planId = await sipPlanId(server.url);
    const list = await planIndicators<{ id: string; code: string }>(server.url, planId);
    ids = new Map(list.map((i) => [i.code, i.id]));
    const byMethod = await Promise.all(
      (['time', 'trend'] as const).map((m) =>
        get<{ indicators: Evaluated[] }>(
          `/api/plans/${planId}/evaluation?year=${YEAR}&method=${m}&scope=all`,
        ),
      ),
    );
    const series = await get<{ items: { code: string; points: { actual: number | null }[] }[] }>(
      `/api/plans/${planId}/series?to=${YEAR}&method=time&scope=all`,
    );
    for (const ev of byMethod.flatMap((b) => b.indicators)) {
      const points = series.items.find((s) => s.code === ev.code)?.points ?? [];
      const values = ev.unit === '%' ? points.flatMap((p) => (p.actual === null ? [] : [p.actual])) : [];
      allowed.set(ev.code, [...(allowed.get(ev.code) ?? []), ...percentsOfEvaluation(ev), ...values]);
    }
    const assessed = byMethod[0]!.indicators.filter((i) => i.verdict !== 'no_data');
    judged = assessed.filter((i) => i.code.startsWith('T2-'));
    secondary = assessed.filter((i) => i.code.startsWith('X-'));
    expect(judged.length).toBeGreaterThanOrEqual(5);
    expect(secondary.length).toBeGreaterThanOrEqual(5);
    // A value's source as stored is on its indicator page too: X-003's 口径 reads 同口径增长2.1% (the source's own
    // growth figure). Those are API figures as well (GET /api/indicators/{id}/observations, signed in).
    const admin = await apiAs(server.url, ADMIN);
    for (const ev of [...judged, ...secondary]) {
      const r = await admin.json<{ items: Stored[] }>(
        'GET',
        `/api/indicators/${ids.get(ev.code)}/observations`,
      );
      const { items } = r.body;
      const quoted = items.flatMap((o) =>
        [o.provenance.quote, o.provenance.basis, o.note].flatMap((t) => (t ? percentsOfText(t) : [])),
      );
      allowed.set(ev.code, [...allowed.get(ev.code)!, ...quoted.map((p) => p.value)]);
    }
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  const everyAllowed = () => [...allowed.values()].flat();

  it('the rate still needed on each indicator page is the API’s percentage, not 100 times it', async () => {
    const page = await (await context('zh')).newPage();
    const withRate = judged.filter((i) => i.requiredRate?.relative != null);
    expect(withRate.length).toBeGreaterThan(0);
    for (const ev of withRate) {
      const text = await textOf(
        page,
        `/indicators/${ids.get(ev.code)}?year=${YEAR}`,
        '[data-testid=method-trend]',
      );
      const rate = ev.requiredRate!.relative!.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
      expect(text, ev.code).toContain(`年均增长 ${rate}%`);
    }
    await page.context().close();
  }, 600_000);

  for (const lang of ['zh', 'en'] as const) {
    it(`every percentage on the workspace pages matches the API (${lang})`, async () => {
      const page = await (await context(lang)).newPage();
      await login(page, ADMIN);
      const q = `?plan=${planId}&year=${YEAR}&method=time`;
      const pages: [string, string, number[]][] = [
        [`/${q}`, '[data-testid=summary-sentence]', everyAllowed()],
        [`/evaluation${q}`, '[data-testid=reports]', everyAllowed()],
        [`/screen${q}`, '[data-testid=screen]', everyAllowed()],
        ...[...judged, ...secondary].map((ev): [string, string, number[]] => [
          `/indicators/${ids.get(ev.code)}${q}`,
          '[data-testid=method-trend]',
          allowed.get(ev.code)!,
        ]),
      ];
      let seen = 0;
      for (const [path, ready, values] of pages) {
        const text = await textOf(page, path, ready);
        seen += percentsOfText(text).length;
        expect(unmatched(text, values), `${lang} ${path}`).toEqual([]);
      }
      expect(seen).toBeGreaterThan(20); // the check read real figures
      await page.context().close();
    }, 900_000);

    it(`every percentage on the portal's pages matches the API (${lang})`, async () => {
      const page = await (await context(lang)).newPage();
      const pages: [string, number[]][] = [
        ['/public', everyAllowed()],
        ['/public/plan', everyAllowed()],
        ['/public/projects', everyAllowed()],
        ['/public/reports', everyAllowed()],
        ...[...judged, ...secondary].map((ev): [string, number[]] => [
          `/public/indicators/${ids.get(ev.code)}`,
          allowed.get(ev.code)!,
        ]),
      ];
      let seen = 0;
      for (const [path, values] of pages) {
        const text = await textOf(page, `${path}?lang=${lang}`, 'main');
        seen += percentsOfText(text).length;
        expect(unmatched(text, values), `${lang} ${path}`).toEqual([]);
      }
      expect(seen).toBeGreaterThan(5);
      await page.context().close();
    }, 600_000);
  }

  it('the inbox shows a submitted value’s change as the API’s share × 100', async () => {
    const page = await (await context('zh')).newPage();
    await login(page, DEPT);
    const [, status] = await submitInPage(page, {
      indicatorId: ids.get('T2-02')!,
      period: '2021',
      value: 11.9,
      note: '核对百分比',
    });
    expect(status).toBe(200);
    await page.context().clearCookies();
    await login(page, ADMIN);
    const inbox = (await (await page.request.get(`${server.url}/api/inbox`)).json()) as {
      items: { change?: { relative: number | null } | null }[];
    };
    const shares = inbox.items.flatMap((i) => (i.change?.relative == null ? [] : [i.change.relative * 100]));
    expect(shares.length).toBeGreaterThan(0);
    const text = await textOf(page, '/inbox', '[data-testid^=inbox-value-]');
    const values = await page.locator('[data-testid^=inbox-value-]').allInnerTexts();
    expect(percentsOfText(values.join(' ')).length).toBeGreaterThan(0);
    expect(unmatched(values.join(' '), shares)).toEqual([]);
    // the rest of the page (the warnings, with their progress and time elapsed) against the evaluation
    expect(unmatched(text, [...shares, ...everyAllowed()])).toEqual([]);
    await page.context().close();
  }, 300_000);

  for (const width of [1280, 1024])
    for (const lang of ['zh', 'en'] as const)
      it(`the dashboard pie's labels are whole and inside their panel at ${width} px (${lang})`, async () => {
        const page = await (await context(lang, width)).newPage();
        await page.goto(`${server.url}/?plan=${planId}&year=${YEAR}&method=time`);
        const chart = page.getByTestId('verdict-distribution').locator('[role=img]');
        await chart.locator('svg text').first().waitFor();
        await page.waitForTimeout(1200); // the labels settle once the animation ends
        const { box, labels } = await page.evaluate<{ box: Rect; labels: (Rect & { text: string })[] }>(
          PIE_LABELS,
        );
        await page.screenshot({ path: join(RESULTS, `pie-${width}-${lang}.png`) });
        const outside = labels.filter(
          (l) =>
            l.left < box.left - 0.5 || l.right > box.right + 0.5 || l.top < box.top || l.bottom > box.bottom,
        );
        expect(outside.map((l) => l.text)).toEqual([]);
        const joined = labels.map((l) => l.text.replace(/\s/g, '')).join('');
        expect(joined).not.toContain('…');
        // every verdict named in the chart's text alternative is drawn whole, with its count
        const alt = (await chart.getAttribute('aria-label')) ?? '';
        const slices = [...alt.replace(/^[^：]*：/, '').matchAll(/([^，]+?) (\d+)(?:，|$)/g)];
        expect(slices.length).toBeGreaterThanOrEqual(3);
        for (const [, name, count] of slices) expect(joined).toContain(`${name!.replace(/\s/g, '')}${count}`);
        await page.context().close();
      }, 120_000);
});
