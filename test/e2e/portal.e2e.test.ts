import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../support/cli.ts';
import { restartWithUsers, sipIndicator, type Serve } from '../support/e2e-server.ts';
import { apiAs, commentOnPortal, launch, openPage, RESULTS } from './browser.ts';
import { stopSite } from './site.ts';

const ADMIN = { email: 'moderator@portal.test', password: 'moderator-pass-1' };
const DEPT = { email: 'hr@portal.test', password: 'hr-dept-pass-1' };
const PAYLOAD = '<script>window.__xss = 1</script> 失业率数据何时更新？电话13812345678';

/** A comment in the moderation queue (GET /api/feedback), the fields this test reads. */
interface Feedback {
  id: string;
  body: string;
  contact: string | null;
}

describe('public portal (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  let unemployment: { id: string; code: string; departments: { code: string }[] };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lantu-portal-e2e-'));
    server = await startServe({ LANTU_DATA_DIR: dataDir });
    unemployment = await sipIndicator<typeof unemployment>(server.url, 'T2-22');
    browser = await launch();
    ({ page } = await openPage(browser));
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('a visitor comment goes through moderation, shows escaped, gets the department reply, and the reply rate updates', async () => {
    // Users are created with the CLI while the server runs on PGlite: stop, create, start again.
    server = await restartWithUsers(server, { LANTU_DATA_DIR: dataDir }, [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: unemployment.departments[0]!.code },
    ]);

    await commentOnPortal(page, `${server.url}/public/indicators/${unemployment.id}`, PAYLOAD);
    expect(await page.locator('.comments').count()).toBe(0); // pending: not shown yet

    const admin = await apiAs(server.url, ADMIN);
    const queue = await admin.json<{ items: Feedback[] }>('GET', '/api/feedback?status=pending');
    const pending = queue.body.items.find((f) => f.body === PAYLOAD)!;
    expect(pending.contact).toBeNull();
    expect((await admin.json('POST', `/api/feedback/${pending.id}/publish`, {})).status).toBe(200);

    await page.goto(`${server.url}/public/indicators/${unemployment.id}`);
    const shown = page.locator('.comments li').first();
    await expect.poll(() => shown.textContent()).toContain('<script>window.__xss = 1</script>');
    expect(await shown.textContent()).toContain('138****5678');
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.comments script').count()).toBe(0);

    const dept = await apiAs(server.url, DEPT);
    expect(
      (
        await dept.json('POST', `/api/feedback/${pending.id}/reply`, {
          body: '2024年数据将于次年一季度公布。',
        })
      ).status,
    ).toBe(200);
    await page.reload();
    await expect
      .poll(() => page.locator('.comments .reply').textContent())
      .toContain('2024年数据将于次年一季度公布。');

    await page.goto(`${server.url}/public/feedback`);
    const rateCell = page.locator('table tbody tr').filter({ hasText: '100%' });
    expect(await rateCell.count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'portal-feedback.png'), fullPage: false });
  });

  it('has no serious or critical accessibility violations on any public page, in both languages', async () => {
    const pages = [
      '/public',
      `/public/indicators/${unemployment.id}`,
      '/public/projects',
      '/public/reports',
      '/public/feedback',
    ];
    for (const lang of ['zh', 'en']) {
      for (const path of pages) {
        await page.goto(`${server.url}${path}?lang=${lang}`);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${path} ${lang}: ${v.id} ${v.help}`)).toEqual([]);
      }
    }
    await page.goto(`${server.url}/public?lang=zh`);
    await page.screenshot({ path: join(RESULTS, 'portal-overview.png'), fullPage: false });
  });
});
