import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sipPlanId, type Serve } from '../support/e2e-server.ts';
import { axeNow, loggedIn, switchLang, type Account } from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@kh.test', password: 'office-pass-123456' };
const ASSESSOR = { email: 'team@kh.test', password: 'team-pass-1234567' };
const DEPT = { email: 'kjj@kh.test', password: 'kjj-dept-pass-123' };
const YEAR = 2024;
const REASON = '科技创新委员会未按期报送研发机构数据，考核组核实后扣分';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

interface Score {
  department: { code: string; name: string };
  base: number;
  adjustment: number;
  score: number;
  criteria: { criterion: string; points: number; weight: number; losses: { title: string }[] }[];
}

/** issue 16 §6 on screen: the assessment team sees the breakdown, adjusts a score with a reason, audited. */
describe('部门考核 in Chromium: breakdown, an adjustment with its reason, audited', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let planId: string;
  const violations: string[] = [];
  const pageErrors: string[] = [];

  const signedIn = (who: Account) =>
    loggedIn(browser, server.url, who, { width: 1400, timeout: 45_000, pageErrors });
  const axe = (page: Page, name: string) =>
    axeNow(page, name, violations, { file: `assessment-${name}.png`, fullPage: true });

  const scores = (page: Page) =>
    page.evaluate(
      async ([id, year]) =>
        (
          (await (await fetch(`/api/plans/${id}/assessment?year=${year}`)).json()) as {
            departments: unknown[];
          }
        ).departments,
      [planId, YEAR] as const,
    ) as Promise<Score[]>;

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-kh-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...ASSESSOR, role: 'assessor' },
      { ...DEPT, role: 'department', department: 'KJJ' },
    ]));
    planId = await sipPlanId(server.url);
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('shows the breakdown, takes an adjustment with a reason, shows and audits it', async () => {
    const team = await signedIn(ASSESSOR);
    const { page } = team;
    await page.goto(`${server.url}/assessment?plan=${planId}&year=${YEAR}`);
    await page.getByTestId('assessment-page').waitFor();
    const before = await scores(page);
    const kjj = before.find((d) => d.department.code === 'KJJ')!;
    expect(kjj.criteria).toHaveLength(6);
    expect(before.length).toBeGreaterThan(1);

    // every department with its score; KJJ's breakdown names each criterion's points and the items lost
    const row = page.locator('tr[data-department="KJJ"]');
    await row.waitFor();
    expect(await page.getByTestId('score-KJJ').textContent()).toBe(String(kjj.score));
    expect(await page.locator('tr[data-department]').count()).toBe(before.length);
    await row.locator('.ant-table-row-expand-icon').click();
    const breakdown = page.getByTestId('breakdown-KJJ');
    await breakdown.waitFor();
    for (const c of kjj.criteria) {
      const li = breakdown.locator(`[data-criterion="${c.criterion}"]`);
      expect(await li.locator('strong').textContent()).toContain(`${c.points}/${c.weight}`);
      for (const l of c.losses.slice(0, 3)) expect(await li.textContent()).toContain(l.title);
    }
    for (const lang of ['zh', 'en'] as const) {
      await switchLang(page, lang);
      await breakdown.waitFor();
      await axe(page, `breakdown-${lang}`);
    }

    // the dialog in English, then in Chinese: nothing is saved without points and a reason
    await row.getByRole('button', { name: 'Adjust' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').waitFor();
    await axe(page, 'dialog-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await switchLang(page, 'zh');
    await row.getByRole('button', { name: '调整得分' }).click();
    dialog = page.getByRole('dialog');
    const save = dialog.getByRole('button', { name: '保存调整' });
    expect(await save.isDisabled()).toBe(true);
    await dialog.getByLabel('调整分值').fill('-3');
    expect(await save.isDisabled()).toBe(true); // no reason yet
    await dialog.getByLabel('调整理由').fill(REASON);
    await axe(page, 'dialog-zh');
    await save.click();
    const expected = Math.round(Math.min(100, Math.max(0, kjj.base - 3)) * 100) / 100;
    await page.getByText(`已调整科技创新委员会的得分，现为${expected}分`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // the change shows: the score, the adjustment column, the breakdown's record, and the audit log
    await poll(() => page.getByTestId('score-KJJ').textContent()).toBe(String(expected));
    expect(await row.textContent()).toContain('-3');
    const record = page.getByTestId('adjustments-KJJ');
    await record.waitFor();
    expect(await record.textContent()).toContain(`-3：${REASON}（${ASSESSOR.email}`);
    const audit = page.getByTestId('assessment-audit');
    await poll(() => audit.locator('tbody tr').filter({ hasText: REASON }).count()).toBe(1);
    const auditRow = audit.locator('tbody tr').filter({ hasText: REASON });
    expect(await auditRow.textContent()).toContain(ASSESSOR.email);
    expect(await auditRow.textContent()).toContain('KJJ');
    const entries = await page.evaluate(
      async () =>
        ((await (await fetch('/api/audit?entity=assessment_adjustment')).json()) as { items: unknown[] })
          .items,
    );
    expect(entries).toMatchObject([
      {
        actor: ASSESSOR.email,
        action: 'create',
        after: { planId, year: YEAR, department: 'KJJ', points: -3, reason: REASON },
      },
    ]);
    const after = (await scores(page)).find((d) => d.department.code === 'KJJ')!;
    expect(after).toMatchObject({ base: kjj.base, adjustment: -3, score: expected });
    for (const lang of ['en', 'zh'] as const) {
      await switchLang(page, lang);
      await audit.waitFor();
      await axe(page, `adjusted-${lang}`);
    }

    // the office sees the adjusted score and the log, but adjusts nothing; the department sees its own row only
    const office = await signedIn(ADMIN);
    await office.page.goto(`${server.url}/assessment?plan=${planId}&year=${YEAR}`);
    await poll(() => office.page.getByTestId('score-KJJ').textContent()).toBe(String(expected));
    expect(await office.page.getByRole('button', { name: '调整得分' }).count()).toBe(0);
    await office.page
      .getByTestId('assessment-audit')
      .locator('tbody tr')
      .filter({ hasText: REASON })
      .waitFor();
    const dept = await signedIn(DEPT);
    await dept.page.goto(`${server.url}/assessment?plan=${planId}&year=${YEAR}`);
    await poll(() => dept.page.getByTestId('score-KJJ').textContent()).toBe(String(expected));
    expect(await dept.page.locator('tr[data-department]').count()).toBe(1);
    expect(await dept.page.getByTestId('assessment-audit').count()).toBe(0);
    await axe(dept.page, 'department-zh');

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    for (const c of [team, office, dept]) await c.ctx.close();
  }, 600_000);
});
