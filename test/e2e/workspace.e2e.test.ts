import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Serve } from '../support/e2e-server.ts';
import { buildMiniDocx } from '../support/docx-fixtures.ts';
import { REPORT_OUTLINE_MD } from '../support/report-fixture.ts';
import { openPage, RESULTS, signIn, type Account } from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@e2e.test', password: 'office-pass-123456' };
const DEPT = { email: 'jfj@e2e.test', password: 'jfj-pass-123456' };
/** 单位面积GDP: led by 经济发展委员会 (JFJ), a level indicator 10.4 → 14.5 亿元/平方公里. */
const CODE = 'T2-02';

describe('web workspace (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: false });
  const verdictOf = async (code: string) =>
    page.locator(`[data-code="${code}"] [data-verdict]`).first().getAttribute('data-verdict');

  const login = (who: Account) => signIn(page, server.url, who);

  async function logout() {
    await page.getByTestId('user-menu').hover();
    await page.getByText(/退出登录|Sign out/).click();
    await page.getByRole('button', { name: /登\s*录|Sign in/ }).waitFor();
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: 'JFJ' },
    ]));
    ({ page } = await openPage(browser, { height: 800, pageErrors: errors }));
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('shows the 一屏总览 in Chinese with every main indicator', async () => {
    await page.goto(server.url);
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('一屏总览');
    await expect.poll(() => page.locator('.indicator-card').count()).toBe(36);
    expect(await page.getByTestId('summary-sentence').textContent()).toMatch(/36项主要指标中/);
    expect(await verdictOf(CODE)).toBe('no_data');
  });

  it('a department user enters and submits a value in the grid', async () => {
    await login(DEPT);
    await page.waitForURL(/\/entry(\?|$)/); // the address also carries plan, year and method
    await page.getByTestId('entry-grid').waitFor();
    // A typo-sized jump against the last value is flagged inline before anything is sent.
    await page.getByTestId('value-T2-01').fill('65');
    await page.getByText(/与上一数值 5.9 相差/).waitFor(); // T2-01: 5.9 published for 2023
    await page.getByTestId(`value-${CODE}`).fill('12.6');
    await page.getByLabel(`${CODE} 备注`).fill('端到端测试数据');
    await page.waitForTimeout(300);
    await shot('entry-grid');
    await page.getByTestId(`submit-${CODE}`).click();
    await page.getByText(`${CODE} 已提交审核`).waitFor();
    await page.locator('[data-status="submitted"]').first().waitFor();

    // Spreadsheet round trip: the department's template, uploaded back unchanged, saves nothing and reports ok.
    const href = await page.getByRole('link', { name: /下载.*填报模板/ }).getAttribute('href');
    const sheet = await page.request.get(`${server.url}${href ?? ''}`);
    expect(sheet.status()).toBe(200);
    const file = join(RESULTS, 'JFJ.xlsx');
    writeFileSync(file, await sheet.body());
    await page.locator('input[type=file]').setInputFiles(file);
    await page
      .getByTestId('upload-report')
      .getByText(/上传成功/)
      .waitFor();
    await logout();
  });

  it('the planning office approves it and the dashboard verdict changes', async () => {
    await login(ADMIN);
    await page.goto(`${server.url}/inbox`);
    const approve = page.getByTestId(`approve-${CODE}`);
    await approve.waitFor({ timeout: 30_000 });
    // The approver sees what they approve: the value with its unit, the previous year, the change, the note.
    const value = page.getByTestId(`inbox-value-${CODE}`);
    expect(await value.textContent()).toMatch(
      /12\.6 亿元\/平方公里.*上期（2020年）10\.46.*变化 \+2\.14（\+20\.5%）.*备注：端到端测试数据/,
    );
    expect(await page.getByTestId('inbox').getByText('待审核').count()).toBeGreaterThan(0);
    await shot('inbox-approve');
    await approve.click();
    await page.getByText(`${CODE} 已审核通过`).waitFor();

    await page.getByRole('link', { name: '一屏总览' }).click();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => verdictOf(CODE), { timeout: 20_000 }).not.toBe('no_data');
    await page.waitForTimeout(1000); // charts finish animating
    await shot('dashboard');
  });

  it('the indicator page charts the value and judges it under both methods', async () => {
    await page.locator(`[data-code="${CODE}"]`).click();
    await page.getByTestId('indicator-page').waitFor();
    await page.getByTestId('method-time').waitFor();
    await page.getByTestId('method-trend').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.locator('[data-status="approved"]').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('单位面积GDP');
    await page.waitForTimeout(1000); // let the chart animation finish before the screenshot
    await shot('indicator');
  });

  it('picks another plan and year: the 十三五 final evaluation', async () => {
    await page.goto(server.url);
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('combobox', { name: '规划' }).click();
    await page.locator('.ant-select-item-option[title="园区“十三五”规划纲要"]').click();
    await expect
      .poll(() => page.getByTestId('summary-sentence').textContent(), { timeout: 20_000 })
      .toMatch(/22项主要指标中/);
    await page.getByRole('combobox', { name: '评估年度' }).click();
    await page.locator('.ant-select-item-option[title="2020年"]').click();
    await expect
      .poll(() => page.getByTestId('summary-sentence').textContent(), { timeout: 20_000 })
      .toMatch(/18项已完成/);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(RESULTS, 'dashboard-13th-full.png'), fullPage: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await shot('dashboard-13th');
    await page.getByRole('combobox', { name: '规划' }).click();
    await page.locator('.ant-select-item-option[title="园区“十四五”规划纲要"]').click();
    await page.getByTestId('summary-sentence').filter({ hasText: '36项' }).waitFor();
  });

  it('switches to English and remembers it', async () => {
    await page.goto(server.url);
    await page.getByTestId('dashboard').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Overview');
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('Overview');
    expect(await page.getByTestId('summary-sentence').textContent()).toMatch(/main indicators/);
    await shot('dashboard-en');
    await page.getByText('中文', { exact: true }).click();
  });

  it('the plan browser, the map and the wall display render', async () => {
    await page.goto(`${server.url}/plan`);
    await page.getByText('第一篇 率先开启社会主义现代化建设新征程').click();
    await page.getByTestId('node-detail').waitFor();
    await page.goto(`${server.url}/map`);
    await page.locator('canvas').first().waitFor();
    await page.goto(`${server.url}/projects`);
    await page.getByRole('button', { name: '中新生物技术创新岛' }).click();
    await page.getByTestId('project-detail').getByText('200 亿元').waitFor();
    await page.goto(`${server.url}/evaluation`);
    await page.getByTestId('reports').waitFor();
    const report = await page.request.get(
      `${server.url}${(await page.getByRole('link', { name: /下载 \.md/ }).getAttribute('href')) ?? ''}`,
    );
    expect(report.status()).toBe(200);
    expect(await report.text()).toMatch(/实施情况报告/);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/screen`);
    await page.getByTestId('screen').waitFor();
    await page.locator('canvas').nth(1).waitFor();
    await page.waitForTimeout(800);
    await shot('screen');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('read-only views work on a 390-px phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await phone.goto(server.url);
    await phone.getByTestId('dashboard').waitFor();
    const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.screenshot({ path: join(RESULTS, 'dashboard-phone.png') });
    await phone.close();
  });

  it('has no serious accessibility violations on the dashboard and no page errors', async () => {
    await page.goto(server.url);
    await page.getByTestId('dashboard').waitFor();
    await page.locator('.indicator-card').first().waitFor();
    const result = await new AxeBuilder({ page }).disableRules(['color-contrast']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the import preview shows the import report: gaps, tables, rows and targets to check before saving', async () => {
    const file = join(RESULTS, 'report-outline.md');
    writeFileSync(file, REPORT_OUTLINE_MD);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('tab', { name: '导入规划' }).click();
    await page.getByTestId('plan-import').locator('input[type=file]').setInputFiles(file);
    const report = page.getByTestId('import-report');
    await report.getByText('识别到 2 篇、3 章、2 节').waitFor();
    await report.getByText('保存前请核对以下 7 项').waitFor();
    for (const text of [
      '第三章 missing between 第二章 and 第四章',
      '表1 主要指标 — columns not understood: 责任单位 (line 11)',
      '表1 研发经费投入强度 (line 16)',
      '公共绿地率达到40% (line 28)',
      '第五章所列任务，由各部门分工落实。 (line 32)',
    ])
      await report.getByText(text, { exact: true }).waitFor();
    await shot('import-report');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await report.waitFor({ state: 'detached' });
  });

  it('the planning office imports a generated .docx outline, previews it, saves it and sees its tree', async () => {
    const file = join(RESULTS, 'mini-outline.docx');
    writeFileSync(file, await buildMiniDocx({ headingStyles: true }));
    await page.goto(`${server.url}/admin`);
    await page.getByRole('tab', { name: '导入规划' }).click();
    await page.getByTestId('plan-import').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-tree').getByText('第一篇 总体要求').waitFor();
    await page.getByTestId('import-tree').getByText('第二章 发展目标').waitFor();
    await page
      .getByTestId('import-report')
      .getByText(/^识别到 \d+ 篇、\d+ 章、\d+ 节$/)
      .waitFor();
    await page.waitForTimeout(300);
    await shot('import-preview');
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plan(\?|$)/);
    await page.getByText('第一篇 总体要求').click();
    await page.getByTestId('node-detail').getByText('第一章 发展基础').waitFor();
    expect(await page.locator('.plan-picker').textContent()).toContain('某市');
  });
});
