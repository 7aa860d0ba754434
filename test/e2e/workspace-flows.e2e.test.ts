import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_OUTLINE } from '../support/text-outline.fixture.ts';
import { planIndicators, sipPlanId, type Serve } from '../support/e2e-server.ts';
import {
  apiAs,
  headerSearch,
  openPage,
  RESULTS,
  seriousViolations,
  signIn,
  type Account,
} from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@flows.test', password: 'office-pass-123456' };
const JFJ = { email: 'jfj@flows.test', password: 'jfj-pass-123456' };
const KJJ = { email: 'kjj@flows.test', password: 'kjj-pass-123456' };
/** Five KJJ indicators (level, 件/家) for the drafts that are submitted and approved at once. */
const FIVE = ['T2-10', 'T2-11', 'T2-12', 'T2-13', 'T2-15'] as const;
const DATA_SHEET = '填报 Data';

interface Observation {
  id: string;
  period: string;
  value: number | null;
  text: string | null;
  status: string;
  version: number;
  correctionReason: string | null;
}

/**
 * Issue 17, Done-when 2 (Chromium): what the approver sees before approving, Excel refusals and corrections,
 * the imported plan's text, search, 批量通过 of five values; the bulk actions 提交全部草稿 and 批量分配; the
 * portal's search box without JavaScript.
 */
describe('workspace flows (Chromium)', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let planId: string;
  let indicators: Map<string, { id: string; name: string; unit: string | null }>;
  const errors: string[] = [];
  const drafts = new Map<string, string>(); // code → observation id

  const shot = (name: string) => page.screenshot({ path: join(RESULTS, `flows-${name}.png`) });

  const login = (who: Account) => signIn(page, server.url, who);

  /** Signed out by dropping the session cookie (the menu's 退出登录 is covered in workspace.e2e). */
  async function logout() {
    await context.clearCookies();
  }

  /** axe: no serious or critical violation on the screen as it is. */
  async function axeHere(p: Page, label: string) {
    expect(await seriousViolations(p, label)).toEqual([]);
  }

  /** axe: no serious or critical violation on the screen as it is, in Chinese and then in English. */
  async function axeBothLanguages(p: Page, ready: () => Promise<void>, name: string) {
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') {
        await p.getByText('EN', { exact: true }).click();
        await ready();
      }
      await axeHere(p, `${name} ${lang}`);
    }
    await p.getByText('中文', { exact: true }).click();
    await ready();
  }

  async function templateOf(who: 'JFJ'): Promise<ExcelJS.Workbook> {
    const href = await page.getByRole('link', { name: /下载.*填报模板/ }).getAttribute('href');
    const res = await page.request.get(`${server.url}${href ?? ''}`);
    expect(res.status(), who).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    return wb;
  }

  const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
    for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
    throw new Error(`no row for ${code}`);
  };
  const columnOf = (ws: ExcelJS.Worksheet, header: string | RegExp) => {
    let col = 0;
    ws.getRow(2).eachCell((cell, c) => {
      const v = typeof cell.value === 'string' ? cell.value : '';
      if (typeof header === 'string' ? v === header : header.test(v)) col = c;
    });
    if (!col) throw new Error(`no column ${String(header)}`);
    return col;
  };

  async function uploadSheet(wb: ExcelJS.Workbook, name: string) {
    const file = join(RESULTS, `flows-${name}.xlsx`);
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    await page.locator('input[type=file]').setInputFiles(file);
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-flows-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...JFJ, role: 'department', department: 'JFJ' },
      { ...KJJ, role: 'department', department: 'KJJ' },
    ]));
    planId = await sipPlanId(server.url);
    const list = await planIndicators<{ id: string; code: string; name: string; unit: string | null }>(
      server.url,
      planId,
    );
    indicators = new Map(list.map((i) => [i.code, i]));
    ({ ctx: context, page } = await openPage(browser, { height: 800, pageErrors: errors }));
  }, 600_000); // a first run builds the web workspace

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('a department submits all its drafts in one action (提交全部草稿), each audited', async () => {
    const kjj = await apiAs(server.url, KJJ);
    for (const [k, code] of FIVE.entries()) {
      const r = await kjj.json<{ observation: { id: string } }>('POST', '/api/observations', {
        indicatorId: indicators.get(code)!.id,
        period: '2021',
        value: 100 + k,
        note: `科技局统计${k}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      drafts.set(code, r.body.observation.id);
    }
    await login(KJJ);
    await page.goto(`${server.url}/entry`);
    await page.getByTestId('entry-grid').waitFor();
    const button = page.getByTestId('submit-all-drafts');
    await expect.poll(() => button.textContent()).toMatch(/提交全部草稿（5项）/);
    await axeBothLanguages(page, () => page.getByTestId('entry-grid').waitFor(), 'entry');
    await button.click();
    await page
      .getByRole('button', { name: /提交审核/ })
      .last()
      .click(); // the confirmation
    await page.getByText('已提交5项，未提交0项').waitFor();
    await expect.poll(() => button.textContent()).toMatch(/（0项）/);
    await shot('submit-all');
    for (const [code, id] of drafts) {
      const audit = await kjj.json<{ items: { action: string; actor: string }[] }>(
        'GET',
        `/api/indicators/${indicators.get(code)!.id}/observations`,
      );
      expect((audit.body.items as unknown as Observation[]).find((o) => o.id === id)?.status).toBe(
        'submitted',
      );
    }
    await logout();
  });

  it('the approver sees each value with its unit, the previous year and the change, then approves all five at once', async () => {
    await login(ADMIN);
    await page.goto(`${server.url}/inbox`);
    const value = page.getByTestId('inbox-value-T2-11');
    await value.waitFor({ timeout: 30_000 });
    // T2-11: 1837 家 in 2020 (the baseline), 101 reported for 2021 — the approver sees the drop before approving.
    expect(await value.textContent()).toMatch(/101 家.*上期（2020年）1,?837 家.*变化 -1,?736（-94\.5%）/);
    expect(await value.textContent()).toMatch(/备注：科技局统计1/);
    // The item is labelled by what waits (待审核), not by the action (审核通过).
    expect(
      await page.getByTestId('inbox').getByText('待审核', { exact: true }).count(),
    ).toBeGreaterThanOrEqual(5);
    await axeBothLanguages(page, () => page.getByTestId('inbox').waitFor(), 'inbox');
    for (const code of FIVE) await page.getByRole('checkbox', { name: `${code} 2021` }).check();
    const bulk = page.getByTestId('bulk-approve');
    await expect.poll(() => bulk.textContent()).toMatch(/批量通过（5项）/);
    await shot('bulk-approve');
    await bulk.click();
    await page.getByText('已通过5项，未通过0项').waitFor();

    const admin = await apiAs(server.url, ADMIN);
    for (const [code, id] of drafts) {
      const values = await admin.json<{ items: Observation[] }>(
        'GET',
        `/api/indicators/${indicators.get(code)!.id}/observations`,
      );
      expect(values.body.items.find((o) => o.id === id)?.status, code).toBe('approved');
      const audit = await admin.json<{ items: { action: string; actor: string }[] }>(
        'GET',
        `/api/audit?entity=observation&entityId=${id}`,
      );
      // One by one: each value has its own create, submit and approve entries, by the right people.
      expect(
        audit.body.items
          .map((a) => `${a.action}:${a.actor}`)
          .sort()
          .join(' '),
      ).toBe(`approve:${ADMIN.email} create:${KJJ.email} submit:${KJJ.email}`);
    }
    await logout();
  });

  it('an Excel upload with text in a numeric cell is refused for that row (约12)', async () => {
    await login(JFJ);
    await page.goto(`${server.url}/entry`);
    await page.getByTestId('entry-grid').waitFor();
    const wb = await templateOf('JFJ');
    const ws = wb.getWorksheet(DATA_SHEET)!;
    rowOf(ws, 'T2-02').getCell(columnOf(ws, '2024')).value = '约12';
    await uploadSheet(wb, 'text-in-number');
    const report = page.getByTestId('upload-report');
    await report.getByText('1行有错误').waitFor();
    const row = report.locator('tr', { hasText: 'T2-02' });
    await expect.poll(() => row.textContent()).toMatch(/2024.*约12/);
    await shot('excel-row-error');
    const jfj = await apiAs(server.url, JFJ);
    const values = await jfj.json<{ items: Observation[] }>(
      'GET',
      `/api/indicators/${indicators.get('T2-02')!.id}/observations`,
    );
    expect(values.body.items.filter((o) => o.period === '2024')).toEqual([]);
  });

  it('an approved value is corrected through Excel when the row gives a reason', async () => {
    // T2-01 地区生产总值增长: 5.9% for 2023 is published (approved).
    const wb = await templateOf('JFJ');
    const ws = wb.getWorksheet(DATA_SHEET)!;
    const row = rowOf(ws, 'T2-01');
    row.getCell(columnOf(ws, '2023')).value = 6.1;
    await uploadSheet(wb, 'correction-no-reason');
    const report = page.getByTestId('upload-report');
    await report
      .locator('tr', { hasText: 'T2-01' })
      .getByText(/说明\/更正原因/)
      .waitFor();
    // Issue 17 bug 8: the refusal reads in the UI's language only — Chinese here, English after the switch.
    const refusal = report.locator('tr', { hasText: 'T2-01' });
    expect(await refusal.textContent()).toContain('更正已审核数据须在本行“说明/更正原因”列填写理由');
    expect(await refusal.textContent()).not.toMatch(/Correcting|reason/);
    await page.getByText('EN', { exact: true }).click();
    await refusal.getByText(/Correcting an approved value needs a reason/).waitFor();
    expect(await refusal.textContent()).not.toMatch(/更正已审核数据|填写理由/);
    await page.getByText('中文', { exact: true }).click();
    await refusal.getByText(/更正已审核数据/).waitFor();

    row.getCell(columnOf(ws, /^说明\/更正原因/)).value = '统计局年报修订';
    await uploadSheet(wb, 'correction-with-reason');
    await report.getByText(/上传成功/).waitFor();
    await report.locator('tr', { hasText: 'T2-01' }).getByText('2023').waitFor();
    await shot('excel-correction');
    const jfj = await apiAs(server.url, JFJ);
    const values = await jfj.json<{ items: Observation[] }>(
      'GET',
      `/api/indicators/${indicators.get('T2-01')!.id}/observations`,
    );
    expect(
      values.body.items
        .filter((o) => o.period === '2023')
        .map((o) => [o.value, o.version, o.status, o.correctionReason]),
    ).toEqual([
      [5.9, 1, 'approved', null],
      [6.1, 2, 'draft', '统计局年报修订'],
    ]);
    await logout();
  });

  it('the portal’s search box works without JavaScript and passes axe in both languages', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const p = await noJs.newPage();
    await p.goto(`${server.url}/public`);
    await p.getByRole('searchbox', { name: '检索规划文本、指标、项目和意见' }).fill('研发经费');
    await p.getByRole('button', { name: '检索' }).click();
    await p.waitForURL(/\/public\/search\?q=/);
    await p.getByRole('link', { name: indicators.get('T2-09')!.name, exact: true }).waitFor();
    expect(await p.locator('mark').first().textContent()).toBe('研发经费');
    await p.screenshot({ path: join(RESULTS, 'flows-portal-search.png') });
    await noJs.close();
    // axe runs as a script in the page, so the check itself needs a context with JavaScript (the portal has none).
    const withJs = await browser.newContext({ locale: 'zh-CN' });
    const a = await withJs.newPage();
    for (const path of [`/public/search?q=${encodeURIComponent('研发经费')}`, '/public/search?q=x&lang=en']) {
      for (const width of [1280, 375]) {
        await a.setViewportSize({ width, height: 800 });
        await a.goto(`${server.url}${path}`);
        const result = await new AxeBuilder({ page: a }).analyze();
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${path} ${width} ${v.id}: ${v.nodes.length}`)).toEqual([]);
        const overflow = Number(await a.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(1);
      }
    }
    await withJs.close();
  }, 300_000);

  it('the planning office imports an outline with paragraphs; the plan browser shows a task’s text and search finds it', async () => {
    await login(ADMIN);
    const file = join(RESULTS, 'flows-text-outline.txt');
    writeFileSync(file, TEXT_OUTLINE);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('tab', { name: '导入规划' }).click();
    await page.getByTestId('plan-import').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-tree').getByText('第一章 创新驱动').waitFor();
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plan(\/|\?|$)/);
    await page.getByText('第一篇 总体要求').waitFor();

    // Search the imported plan (now the workspace's) by a phrase of the task's text, open the hit.
    const results = await headerSearch(page, '合成生物');
    await expect.poll(() => results.locator('mark').first().textContent()).toBe('合成生物');
    await results.getByRole('link', { name: '建设开放实验平台' }).click();
    await page.waitForURL(/\/plan\/[0-9a-f-]{36}/);
    await expect
      .poll(() => page.locator('.node-body').first().textContent())
      .toContain('围绕光子芯片和合成生物两个方向，布局一批概念验证中心');
    await shot('plan-text');
  });

  it('search finds an indicator and a project of the plan from the header box', async () => {
    await page.goto(`${server.url}/?plan=${planId}`);
    await page.getByTestId('dashboard').waitFor();
    const results = await headerSearch(page, '高新技术企业');
    await expect.poll(() => results.textContent()).toContain('T2-11');
    await headerSearch(page, '生物技术创新岛');
    await expect.poll(() => results.textContent()).toContain('中新生物技术创新岛');
  });

  it('the planning office assigns several items at once (批量分配), each audited', async () => {
    await page.goto(`${server.url}/admin?plan=${planId}`); // the SIP plan, not the outline imported above
    await page.getByRole('tab', { name: '责任分解' }).click();
    const table = page.getByTestId('assignments');
    await table.waitFor();
    await page.getByLabel('按编号或名称筛选', { exact: true }).fill('T2-2');
    const picks = ['T2-25', 'T2-26', 'T2-27'];
    for (const code of picks)
      await table.locator('tr', { hasText: code }).locator('input[type=checkbox]').check();
    const bulk = page.getByTestId('bulk-assign');
    const dialog = page.getByRole('dialog');
    // The dialog in English first (the language switch sits behind an open dialog), then the assignment in Chinese.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => bulk.textContent()).toMatch(/Assign selected \(3\)/);
    await bulk.click();
    await dialog.getByText('Set the departments of the 3 selected items').waitFor();
    await axeHere(page, 'bulk-assign en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => bulk.textContent()).toMatch(/批量分配（3项）/);
    await bulk.click();
    await dialog.getByText('为选中的3项设置责任部门').waitFor();
    await axeHere(page, 'bulk-assign zh');
    const lead = dialog.getByRole('combobox', { name: '牵头', exact: true });
    await lead.click();
    await lead.fill('统计');
    await page.locator('.ant-select-item-option', { hasText: '统计局' }).first().click();
    await shot('bulk-assign');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已为3项更新责任部门').waitFor();

    const admin = await apiAs(server.url, ADMIN);
    const list = await admin.json<{
      items: { code: string; indicatorId: string; lead: { name: string } | null }[];
    }>('GET', `/api/plans/${planId}/assignments`);
    for (const code of picks) {
      const a = list.body.items.find((i) => i.code === code)!;
      expect(a.lead?.name, code).toContain('统计局');
      const audit = await admin.json<{ items: { action: string; actor: string; after: { lead: string } }[] }>(
        'GET',
        `/api/audit?entity=indicator&entityId=${a.indicatorId}`,
      );
      const mine = audit.body.items.filter((e) => e.action === 'assign' && e.actor === ADMIN.email);
      expect(
        mine.map((e) => e.after.lead),
        code,
      ).toEqual(['TJJ']);
    }
    expect(errors).toEqual([]);
  }, 300_000);
});
