import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../support/cli.ts';
import { restartWithUsers, sipIndicator, type Serve } from '../support/e2e-server.ts';
import { seededDataDir } from '../support/seeded-data-dir.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import {
  callInPage,
  commentOnPortal,
  ensureWebBuilt,
  launch,
  loggedIn,
  openPage,
  RESULTS,
  type Account,
} from './browser.ts';
import { stopSite } from './site.ts';

const ADMIN = { email: 'office@loop.test', password: 'office-pass-123456' };
const DEPT = { email: 'rsj@loop.test', password: 'rsj-dept-pass-123' };
const COMMENT = '城镇调查失业率的季度数据能否按月公布？联系电话13912345678';
const TEMPLATE = '感谢您的关注。相关数据将按统计制度按季度公布，我们会同步在平台更新。';

/** issue 16, "Done when" 1: the comment loop, in Chromium, with a real SMTP server. */
describe('comment → moderation → 待办 and e-mail → reply from a template → portal (Chromium)', () => {
  let dataDir: string;
  let smtp: TestSmtp;
  let server: Serve;
  let browser: Browser;
  let indicator: { id: string; code: string; departments: { code: string; name: string }[] };

  const signedIn = (who: Account) => loggedIn(browser, server.url, who);

  beforeAll(async () => {
    ensureWebBuilt();
    dataDir = await seededDataDir('lantu-loop-e2e-', []);
    const env = { LANTU_DATA_DIR: dataDir };
    smtp = await startTestSmtp();
    const mailEnv = {
      ...env,
      LANTU_SMTP_URL: smtp.url,
      LANTU_MAIL_FROM: '蓝图 <lantu@loop.test>',
      LANTU_MAIL_POLL_MS: '200',
    };
    server = await startServe(mailEnv);
    indicator = await sipIndicator<typeof indicator>(server.url, 'T2-22');
    // users are created with the CLI, which needs the embedded database to itself
    server = await restartWithUsers(server, mailEnv, [
      { ...ADMIN, role: 'admin' },
      { ...DEPT, role: 'department', department: indicator.departments[0]!.code },
    ]);
    browser = await launch();
  });

  afterAll(async () => {
    await stopSite({ browser, server, dataDir });
    await smtp?.close();
  });

  it('closes the loop', async () => {
    // 1. a citizen comments on the portal
    const { page: citizen } = await openPage(browser);
    await commentOnPortal(citizen, `${server.url}/public/indicators/${indicator.id}`, COMMENT);
    await citizen.goto(`${server.url}/public/feedback`);
    const rateBefore = await citizen.locator('table tbody').textContent();

    // 2. the planning office publishes it on the moderation screen; a shared reply template exists
    const office = await signedIn(ADMIN);
    await office.page.goto(`${server.url}/moderation`);
    const row = office.page.locator('tr', { hasText: '季度数据能否按月公布' });
    await row.waitFor();
    expect(await row.textContent()).toContain('13912345678'); // moderators see the raw text
    await office.page.screenshot({ path: join(RESULTS, 'moderation.png') });
    await row.getByRole('button', { name: /公开并转办/ }).click();
    await office.page.getByText('已公开并转交答复部门').waitFor();
    await expect.poll(() => office.page.locator('tr', { hasText: '季度数据能否按月公布' }).count()).toBe(0);
    await callInPage(office.page, 'POST', '/api/reply-templates', { title: '按季公布', body: TEMPLATE });

    // 3. the department is mailed, and finds the comment in its 待办 with the deadline light
    const mails = await smtp.waitFor(1, 30_000); // the live list: the office may be mailed a warning first
    await expect.poll(() => mails.some((m) => m.to.includes(DEPT.email)), { timeout: 30_000 }).toBe(true);
    const mail = mails.find((m) => m.to.includes(DEPT.email))!;
    expect(mail.subject).toContain('收到公众意见');
    expect(mail.text).toMatch(/\/comments\?id=[0-9a-f-]{36}/);
    const link = /(http:\/\/\S+\/comments\?id=[0-9a-f-]{36})/.exec(mail.text)![1]!;

    const dept = await signedIn(DEPT);
    expect(await dept.page.getByTestId('unread-count').textContent()).toContain('1');
    await dept.page.goto(link);
    await dept.page.getByTestId('comments-page').waitFor();
    const item = dept.page.locator('.ant-collapse-item', { hasText: '季度数据能否按月公布' });
    await item.waitFor();
    expect(await item.locator('[data-light]').getAttribute('data-light')).toBe('green');
    expect(await item.textContent()).toContain('139****5678'); // departments see the masked text
    expect(await item.textContent()).not.toContain('13912345678');

    // 4. it replies with the template
    await item.getByLabel('选用答复模板').click();
    await dept.page.getByTitle(/按季公布/).click();
    await expect
      .poll(() => item.getByRole('textbox', { name: '答复', exact: true }).inputValue())
      .toBe(TEMPLATE);
    await dept.page.screenshot({ path: join(RESULTS, 'comment-reply.png') });
    await item.getByRole('button', { name: '发布答复' }).click();
    await dept.page.getByText('已发布答复').waitFor();
    await expect.poll(() => item.locator('[data-light]').getAttribute('data-light')).toBe('done');

    // 5. the portal shows the reply, and the department's reply rate moved
    await citizen.goto(`${server.url}/public/indicators/${indicator.id}`);
    await expect.poll(() => citizen.locator('.comments .reply').textContent()).toContain(TEMPLATE);
    await citizen.goto(`${server.url}/public/feedback`);
    const rateAfter = await citizen.locator('table tbody').textContent();
    expect(rateAfter).not.toBe(rateBefore);
    expect(await citizen.locator('table tbody tr').filter({ hasText: '100%' }).count()).toBe(1);
  });
});
