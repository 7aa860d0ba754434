/**
 * Reports, print and reach in Chromium: the PDF report downloaded from the evaluation screen and read back
 * with poppler (page 1 rendered by pdftoppm is not blank, pdftotext finds Chinese); the dashboard and the
 * indicator page printed to A4 without menus.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/reports/pdf.ts';
import { planIndicators, planProjects, planTree, sipPlanId, type Serve } from '../support/e2e-server.ts';
import { firstTask, type TreeNode } from '../support/plan-tree.ts';
import { inkOnFirstPage, pdfText } from '../support/poppler.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'admin@reports.test', password: 'admin-pass-123' };
const DEPT = { email: 'jfj@reports.test', password: 'dept-pass-123' };
const HAVE_SOFFICE = findSoffice() !== null;

describe('reports, print and reach (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  let indicatorId = '';
  let taskId = '';
  let projectId = '';

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-reports-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: 'JFJ' },
    ]));
    const p14 = await sipPlanId(server.url);
    const inds = await planIndicators<{ id: string; code: string }>(server.url, p14);
    indicatorId = inds.find((i) => i.code === 'T2-01')?.id ?? '';
    taskId = firstTask(await planTree<TreeNode>(server.url, p14))?.id ?? '';
    projectId = (await planProjects<{ id: string }>(server.url, p14))[0]?.id ?? '';
    expect({ indicatorId, taskId, projectId }).toEqual({
      indicatorId: expect.any(String),
      taskId: expect.stringMatching(/./),
      projectId: expect.stringMatching(/./),
    });
    expect(indicatorId).not.toBe('');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it.skipIf(!HAVE_SOFFICE)(
    'downloads the PDF report from the evaluation screen; page 1 renders with ink and Chinese text',
    async () => {
      await page.goto(`${server.url}/evaluation`);
      await page.getByTestId('reports').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 240_000 }),
        page.getByRole('link', { name: /下载 \.pdf/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^sip-14th-annual-\d{4}\.pdf$/);
      const file = join(dataDir, 'downloaded.pdf');
      await download.saveAs(file);
      const ink = inkOnFirstPage(file);
      expect(ink).toBeGreaterThan(0.002);
      expect(ink).toBeLessThan(0.5);
      const first = pdfText(file, 1, 1).replace(/\s+/g, '');
      expect(first).toMatch(/[\u4e00-\u9fff]{6}/);
      expect(first).toContain('园区“十四五”规划纲要');
      expect(pdfText(file).replace(/\s+/g, '')).toContain('一、总体评价');
    },
    300_000,
  );

  it('prints the dashboard and the indicator page to A4 without menus', async () => {
    for (const [path, ready, expected] of [
      ['/', '.indicator-card', '地区生产总值'],
      [`/indicators/${indicatorId}`, 'canvas', '地区生产总值'],
    ] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(500);
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.shell-sider', '.shell-header', '.shell-footer'])
        expect(await page.evaluate(`getComputedStyle(document.querySelector('${chrome}')).display`)).toBe(
          'none',
        );
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const file = join(dataDir, `print-${path === '/' ? 'dashboard' : 'indicator'}.pdf`);
      writeFileSync(file, pdf);
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text).toContain(expected);
      expect(text).not.toContain('主导航');
      expect(text).not.toContain('大屏模式'); // a menu entry
      expect(inkOnFirstPage(file)).toBeGreaterThan(0.002);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});
