import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sipPlanId, type Serve } from '../support/e2e-server.ts';
import { firstTask, type TreeNode } from '../support/plan-tree.ts';
import { apiAs, loggedIn, RESULTS, seriousViolations, switchLang, type ApiClient } from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@screens.test', password: 'office-pass-123456' };
const KJJ = { email: 'kjj@screens.test', password: 'kjj-pass-123456' };
const PROJECT = 'PRJ-01'; // 中新生物技术创新岛, 200 亿元, 2021–2025
const TASK_REPORT = '完成年度工作方案并组织实施';
/** expect.poll's own wait is 1 s; a save on the loaded machine can take many times that. */
const WAIT = { timeout: 60_000, interval: 250 };

interface ProjectDetail {
  id: string;
  investments: { year: number; planned: number | null; completed: number | null }[];
  progress: { year: number; quarter: number; percent: number | null; text: string; stage: string | null }[];
}

/**
 * Issue 17, "Screens for what only the API can do today" (first half), in Chromium: a project's lead department
 * enters a year's investment and a quarter's progress on the projects screen and reads them back, a second report
 * for that quarter is refused naming the quarter; a department attaches evidence to its task report, downloads it
 * back byte for byte, and an empty or over-cap file is refused saying why, in the language shown. axe on each
 * screen and dialog in Chinese and English.
 */
describe('project figures and task evidence screens (Chromium)', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let kjj: ApiClient;
  let projectId: string;
  let taskId: string;
  let reportId: string;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(RESULTS, `screens-${name}.png`) });
  const axeHere = async (label: string) => expect(await seriousViolations(page, label)).toEqual([]);

  /** The open dialog, by its title (AntD keeps closed ones in the page, hidden). */
  const INVESTMENT = /(年度投资|Annual investment) · /;
  const PROGRESS = /(季度进展|Quarterly progress) · /;
  const dialog = (title: RegExp) => page.locator('.ant-modal:visible', { hasText: title });
  const detail = () => page.getByTestId('project-detail');
  const errorsIn = (l: Locator) => l.locator('.ant-form-item-explain-error').allTextContents();

  async function cancel(title: RegExp) {
    await dialog(title)
      .getByRole('button', { name: /^(取\s*消|Cancel)$/ })
      .click();
    await expect.poll(() => dialog(title).count(), WAIT).toBe(0);
  }

  async function openProject() {
    await page.goto(`${server.url}/projects`);
    await page.getByRole('button', { name: '中新生物技术创新岛' }).click();
    await detail().waitFor();
  }

  /** The drawer covers the header (its language switch included) until it is closed, as a modal panel does. */
  async function closeDrawer() {
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await expect.poll(() => detail().isVisible(), WAIT).toBe(false);
  }

  /**
   * Picks `quarter` in the progress dialog's quarter select by keyboard, and waits until the select shows it: on the
   * loaded machine a click could land on a neighbouring option while the list still slid open. The pointer is moved
   * off first (an option under it would become the active one), and a wrong pick is picked again.
   */
  async function pickQuarter(d: Locator, quarter: string) {
    const label = /^(季度|Quarter)$/;
    const input = d.getByLabel(label);
    const shown = d
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel(label) })
      .locator('.ant-select-content');
    const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
    for (let attempt = 0; attempt < 3 && (await shown.getAttribute('title')) !== quarter; attempt++) {
      await page.mouse.move(0, 0);
      await input.focus();
      await input.press('Enter'); // opens the list, the selected quarter active
      await active.waitFor();
      for (let step = 0; step < 8; step++) {
        const now = await active.textContent();
        if (now === quarter) break;
        await input.press('ArrowDown');
        await expect.poll(() => active.textContent(), WAIT).not.toBe(now);
      }
      await input.press('Enter');
      await expect.poll(() => active.count(), WAIT).toBe(0);
    }
    await expect.poll(() => shown.getAttribute('title'), WAIT).toBe(quarter);
  }

  /** 填报季度进展 for `year` and a quarter picked from the list, with the given text; then 报送/Submit. */
  async function reportProgress(year: number, quarter: string, text: string, percent?: number) {
    await page.getByTestId('open-progress').click();
    const d = dialog(PROGRESS);
    await page.getByTestId('progress-year').fill(String(year));
    await pickQuarter(d, quarter);
    if (percent !== undefined) await page.getByTestId('progress-percent').fill(String(percent));
    await page.getByTestId('progress-text').fill(text);
    await d.getByRole('button', { name: /^(报\s*送|Submit)$/ }).click();
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-screens-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...KJJ, role: 'department', department: 'KJJ' },
    ]));
    admin = await apiAs(server.url, ADMIN);
    kjj = await apiAs(server.url, KJJ);
    const planId = await sipPlanId(server.url);
    const projects = await admin.json<{ items: { id: string; code: string }[] }>(
      'GET',
      `/api/projects?planId=${planId}`,
    );
    projectId = projects.body.items.find((p) => p.code === PROJECT)!.id;
    // the seed names no lead department for its projects: the office makes KJJ this one's
    const lead = await admin.json('PATCH', `/api/projects/${projectId}`, { leadDepartment: 'KJJ' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(200);
    const tree = await admin.json<{ nodes: TreeNode[] }>('GET', `/api/plans/${planId}/tree`);
    taskId = firstTask(tree.body.nodes)!.id;
    expect((await admin.json('PUT', '/api/assignments', { nodeId: taskId, lead: 'KJJ' })).status).toBe(200);
    const report = await kjj.json<{ id: string }>('POST', `/api/tasks/${taskId}/reports`, {
      year: 2024,
      status: 'in_progress',
      percent: 40,
      text: TASK_REPORT,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    reportId = report.body.id;
    // Playwright's own wait for each step: 60 s, the shared machine is slow
    ({ page } = await loggedIn(browser, server.url, KJJ, { timeout: 60_000, pageErrors: errors }));
  }, 600_000); // a first run builds the web workspace

  // a failing step leaves a picture of the screen as it was
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('the lead department enters 2023 investment: refused figures say why in Chinese, saved ones show in 亿元', async () => {
    await openProject();
    await expect
      .poll(() => detail().getByTestId('investment-table').textContent(), WAIT)
      .toContain('尚无年度投资数据');
    await axeHere('project drawer zh');
    await page.getByTestId('open-investment').click();
    const d = dialog(INVESTMENT);
    await d.getByText('计划投资（亿元）').waitFor();
    await page.getByTestId('investment-year').fill('2023');
    await page.getByTestId('investment-planned').fill('');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => errorsIn(d), WAIT).toContain('请至少填写计划投资或完成投资之一');
    await page.getByTestId('investment-planned').fill('30');
    await page.getByTestId('investment-completed').fill('-5');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => errorsIn(d), WAIT).toEqual(['投资额不能为负数']);
    await axeHere('investment dialog zh');
    await shot('investment-refused');
    await page.getByTestId('investment-completed').fill('25.5');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2023年投资已保存').waitFor();
    await expect.poll(() => dialog(INVESTMENT).count(), WAIT).toBe(0);
    const row = detail().getByTestId('investment-table').locator('tbody tr', { hasText: '2023' });
    await expect.poll(() => row.textContent(), WAIT).toBe('202330 亿元25.5 亿元85%');
    const saved = await kjj.json<ProjectDetail>('GET', `/api/projects/${projectId}`);
    expect(saved.body.investments).toEqual([
      { year: 2023, planned: 30, completed: 25.5, completionRate: 85 },
    ]);
    await shot('investment-saved');
  });

  it('the lead department reports 2023 Q3 progress; a second report for that quarter is refused naming it, in Chinese', async () => {
    await page.getByTestId('open-progress').click();
    const d = dialog(PROGRESS);
    await page.getByTestId('progress-year').fill('2023');
    await page.getByTestId('progress-percent').fill('150');
    await d.getByRole('button', { name: /报\s*送/ }).click();
    await expect.poll(() => errorsIn(d), WAIT).toEqual(['进度须在0%至100%之间', '请填写进展情况']);
    await axeHere('progress dialog zh');
    await cancel(PROGRESS);
    await reportProgress(2023, '第3季度', '生物医药研发楼主体结构封顶', 60);
    await page.getByText('2023年第3季度进展已报送').waitFor();
    await expect.poll(() => dialog(PROGRESS).count(), WAIT).toBe(0);
    const item = detail().getByTestId('progress-list').locator('.ant-list-item').first();
    await expect
      .poll(() => item.textContent(), WAIT)
      .toMatch(/^2023年第3季度在建60%.*生物医药研发楼主体结构封顶$/);
    const saved = await kjj.json<ProjectDetail>('GET', `/api/projects/${projectId}`);
    expect(
      saved.body.progress.map(({ year, quarter, percent, text, stage }) => ({
        year,
        quarter,
        percent,
        text,
        stage,
      })),
    ).toEqual([{ year: 2023, quarter: 3, percent: 60, text: '生物医药研发楼主体结构封顶', stage: '在建' }]);
    // the server refuses a second report for the quarter: the dialog stays open with its message, in Chinese
    await reportProgress(2023, '第3季度', '重复填报');
    const refusal = dialog(PROGRESS).getByTestId('figure-refusal');
    await expect.poll(() => refusal.textContent(), WAIT).toBe('PRJ-01 2023年第3季度的进展已填报');
    await axeHere('progress refused zh');
    await shot('progress-conflict');
    await cancel(PROGRESS);
    const after = await kjj.json<ProjectDetail>('GET', `/api/projects/${projectId}`);
    expect(after.body.progress.map((r) => r.text)).toEqual(['生物医药研发楼主体结构封顶']);
    await closeDrawer();
  });

  it('the projects screen and both dialogs in English: units, messages and axe', async () => {
    await switchLang(page, 'en'); // the drawer closed, so the header's switch can be reached
    await page.getByRole('button', { name: '中新生物技术创新岛' }).click();
    await detail().waitFor();
    const row = detail().getByTestId('investment-table').locator('tbody tr', { hasText: '2023' });
    // the amounts in the project's own unit, as the project list shows it
    await expect.poll(() => row.textContent(), WAIT).toBe('202330 亿元25.5 亿元85%');
    await expect.poll(() => detail().getByTestId('progress-list').textContent(), WAIT).toContain('Q3 2023');
    await axeHere('project drawer en');
    await page.getByTestId('open-investment').click();
    await page.getByTestId('investment-completed').fill('-1');
    await dialog(INVESTMENT).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => errorsIn(dialog(INVESTMENT)), WAIT).toEqual(['An investment cannot be negative']);
    await axeHere('investment dialog en');
    await cancel(INVESTMENT);
    await reportProgress(2023, 'Q3', 'again');
    await expect
      .poll(() => dialog(PROGRESS).getByTestId('figure-refusal').textContent(), WAIT)
      .toBe('PRJ-01 already has a report for 2023Q3');
    await axeHere('progress dialog en');
    await cancel(PROGRESS);
    await closeDrawer();
    await switchLang(page, 'zh');
  });

  it('a department attaches evidence to its task report and downloads it back byte for byte', async () => {
    await page.goto(`${server.url}/plan/${taskId}`);
    const box = page.getByTestId(`evidence-${reportId}`);
    await box.getByRole('button', { name: '上传佐证材料' }).waitFor();
    // bytes that no text conversion leaves alone, under a Chinese file name
    const content = randomBytes(3000);
    await box.locator('input[type=file]').setInputFiles({
      name: '验收报告.pdf',
      mimeType: 'application/pdf',
      buffer: content,
    });
    const link = box.getByTestId('evidence-file');
    await expect.poll(() => link.textContent(), WAIT).toBe('验收报告.pdf');
    await expect.poll(() => box.locator('li').textContent(), WAIT).toMatch(/^验收报告\.pdf 2\.9 KB · /);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('验收报告.pdf');
    expect(readFileSync(await download.path()).equals(content)).toBe(true);
    const work = await kjj.json<{ reports: { id: string; evidence: { id: string; size: number }[] }[] }>(
      'GET',
      `/api/tasks/${taskId}/work`,
    );
    const files = work.body.reports.find((r) => r.id === reportId)!.evidence;
    expect(files.map((f) => f.size)).toEqual([3000]);
    const back = await admin.bytes(`/api/evidence/${files[0]!.id}`);
    expect(back.status).toBe(200);
    expect(back.body.equals(content)).toBe(true);
    await axeHere('task evidence zh');
    await shot('evidence-uploaded');
  });

  it('a file over 20 MB or an empty one is refused saying why, in the language shown, and nothing is stored', async () => {
    const box = page.getByTestId(`evidence-${reportId}`);
    const refusal = box.getByTestId('evidence-refusal');
    /** Chooses a 21 MB zip named `name` in the task's evidence box: over the 20 MB cap. */
    const chooseOverCap = (name: string) =>
      box.locator('input[type=file]').setInputFiles({
        name,
        mimeType: 'application/zip',
        buffer: Buffer.alloc(21 * 1024 * 1024, 7),
      });
    await chooseOverCap('现场照片.zip');
    await expect
      .poll(() => refusal.textContent(), WAIT)
      .toBe('「现场照片.zip」为21.0 MB，超过20MB上限，未上传');
    await axeHere('evidence refused zh');
    await shot('evidence-refused');
    await box
      .locator('input[type=file]')
      .setInputFiles({ name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await expect.poll(() => refusal.textContent(), WAIT).toBe('「empty.pdf」是空文件（0字节），未上传');
    // the refusal on the screen follows a language switch (it stayed in Chinese before)
    await switchLang(page, 'en');
    await expect.poll(() => refusal.textContent(), WAIT).toBe('“empty.pdf” is empty (0 bytes): not uploaded');
    await chooseOverCap('photos.zip');
    await expect
      .poll(() => refusal.textContent(), WAIT)
      .toBe('“photos.zip” is 21.0 MB, over the 20 MB limit: not uploaded');
    await axeHere('task evidence en');
    await switchLang(page, 'zh');
    await expect
      .poll(() => refusal.textContent(), WAIT)
      .toBe('「photos.zip」为21.0 MB，超过20MB上限，未上传');
    const work = await kjj.json<{ reports: { id: string; evidence: unknown[] }[] }>(
      'GET',
      `/api/tasks/${taskId}/work`,
    );
    expect(work.body.reports.find((r) => r.id === reportId)!.evidence).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
