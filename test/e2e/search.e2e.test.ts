import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../support/cli.ts';
import { sipPlanId, type Serve } from '../support/e2e-server.ts';
import { seededDataDir } from '../support/seeded-data-dir.ts';
import { TEXT_OUTLINE as OUTLINE } from '../support/text-outline.fixture.ts';
import { ensureWebBuilt, headerSearch, launch, openPage, RESULTS, seriousViolations } from './browser.ts';
import { stopSite } from './site.ts';

/** issue 17: the plan's text in the plan browser, and search across text, indicators and projects (Chromium). */
describe('plan text and search (Chromium)', () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  let importedId: string;
  let sipId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    dataDir = await seededDataDir('lantu-search-e2e-', []);
    const env = { LANTU_DATA_DIR: dataDir };
    const file = join(dataDir, 'outline.txt');
    writeFileSync(file, OUTLINE);
    const imported = await runCli(['import', file, '--no-progress'], env);
    expect(imported.code, imported.stderr).toBe(0);
    importedId = /saved plan ([0-9a-f-]{36})/.exec(imported.stdout)![1]!;
    server = await startServe(env);
    sipId = await sipPlanId(server.url);
    browser = await launch();
    ({ page } = await openPage(browser, { height: 800, pageErrors: errors }));
  });

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('finds an imported task by a phrase from its text and opens it with its text', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('光子芯片')}&plan=${importedId}`);
    const results = page.getByTestId('search-page');
    await results.waitFor();
    await expect.poll(() => results.locator('mark').first().textContent()).toBe('光子芯片');
    const hit = results.getByRole('link', { name: '建设开放实验平台' });
    await hit.click();
    await page.waitForURL(/\/plan\/[0-9a-f-]{36}/);
    await expect
      .poll(() => page.locator('.node-body').first().textContent())
      .toContain('围绕光子芯片和合成生物两个方向');
    await page.screenshot({ path: join(RESULTS, 'plan-task-text.png') });
  });

  it('keeps the chosen plan across a reload: it is in the address', async () => {
    await page.reload();
    await expect.poll(() => new URL(page.url()).searchParams.get('plan')).toBe(importedId);
    await expect.poll(() => page.locator('.node-body').first().textContent()).toContain('光子芯片');
  });

  it('the header search finds an indicator and a project of the default plan', async () => {
    await page.goto(`${server.url}/?plan=${sipId}`);
    await page.getByTestId('dashboard').waitFor();
    const results = await headerSearch(page, '研发经费');
    await expect.poll(() => results.locator('[data-hit]').count()).toBeGreaterThan(0);
    await expect.poll(() => results.textContent()).toContain('T2-09');
    await headerSearch(page, '生物技术创新岛');
    await expect.poll(() => results.textContent()).toContain('中新生物技术创新岛');
    await page.screenshot({ path: join(RESULTS, 'search.png') });
    expect(await seriousViolations(page, 'search')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
