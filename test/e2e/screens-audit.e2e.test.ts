import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../src/domain/time.ts';
import { sipIndicator, type Serve } from '../support/e2e-server.ts';
import { apiAs, loggedIn, RESULTS, seriousViolations, switchLang, type Account } from './browser.ts';
import { startSite, stopSite } from './site.ts';

const ADMIN = { email: 'office@prov.test', password: 'office-pass-123456' };
const KJJ = { email: 'kjj@prov.test', password: 'kjj-pass-123456' };
/** KJJ's second user, whose address contains KJJ's: choosing KJJ must not bring this one's entries. */
const LEAD = { email: 'lead.kjj@prov.test', password: 'lead-pass-123456' };
const CODE = 'T2-13'; // 省级以上研发机构总数 (家), KJJ's; no value for 2021 in the seed
const REASON = '统计部门核定后更正';
const SOURCE = {
  kind: 'published',
  title: '园区2021年科技统计年报（核定数）',
  url: 'https://stats.example.gov.cn/2021/kj.html',
  quote: '省级以上研发机构612家',
  releasedOn: '2022-03-15',
  basis: '年末数',
};

interface Observation {
  id: string;
  version: number;
  value: number | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}
interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
}

/** expect.poll waits 1 s by default; a loaded machine takes longer to load a screen. */
const WAIT = { timeout: 60_000 };
const beijing = (iso: string | null) => `${localDateTime(new Date(iso ?? ''))}（北京时间）`;

/**
 * Issue 17, screens for what only the API could do: the indicator page's 数据来源与修订记录 (a value revised with a
 * reason: both versions, the reason, who entered, submitted and approved each and when, the source as stored)
 * and the /audit screen (filtered by who and what, its rows the API's). axe on both, in Chinese and English.
 */
describe('value provenance and the audit log (Chromium)', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: Serve;
  let browser: Browser;
  let page: Page;
  let indicatorId: string;
  let versions: Observation[] = [];
  const errors: string[] = [];

  /** `who`'s API calls (browser.ts apiAs) that answer the body and fail the test on a status of 300 or more. */
  async function client(who: Account) {
    const api = await apiAs(server.url, who);
    return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const r = await api.json<T>(method, path, body);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      return r.body;
    };
  }

  /** axe in Chinese, then in English (the header's language switch), back to Chinese; `ready` waits for the
   * screen's own words in that language (`probe`: what switchLang watches, the first heading when absent). */
  async function axeBothLanguages(
    ready: (lang: 'zh' | 'en') => Promise<void>,
    name: string,
    probe?: Locator,
  ) {
    await ready('zh');
    expect(await seriousViolations(page, `${name} zh`)).toEqual([]);
    await switchLang(page, 'en', probe);
    await ready('en');
    expect(await seriousViolations(page, `${name} en`)).toEqual([]);
    await switchLang(page, 'zh', probe);
    await ready('zh');
  }

  beforeAll(async () => {
    ({ dataDir, server, browser } = await startSite('lantu-prov-e2e-', [
      { ...ADMIN, role: 'admin' },
      { ...KJJ, role: 'department', department: 'KJJ' },
      { ...LEAD, role: 'department', department: 'KJJ' },
    ]));
    indicatorId = (await sipIndicator<{ id: string; code: string }>(server.url, CODE)).id;

    // KJJ reports 598 for 2021, the office approves it; the statistics office's final figure is 612: KJJ
    // corrects it with a reason and the source, the office approves version 2
    const kjj = await client(KJJ);
    const admin = await client(ADMIN);
    /** `by` enters a value of the indicator and submits it: the observation's id. */
    const submitted = async (by: typeof kjj, value: Record<string, unknown>) => {
      const { observation } = await by<{ observation: { id: string } }>('POST', '/api/observations', {
        indicatorId,
        ...value,
      });
      await by('POST', `/api/observations/${observation.id}/submit`);
      return observation.id;
    };
    const first = await submitted(kjj, { period: '2021', value: 598, note: '快报数' });
    await admin('POST', `/api/observations/${first}/approve`);
    const second = await submitted(kjj, { period: '2021', value: 612, reason: REASON, source: SOURCE });
    await admin('POST', `/api/observations/${second}/approve`);
    // the other KJJ user submits 2022's figure: an entry whose actor contains KJJ's address
    await submitted(await client(LEAD), { period: '2022', value: 630, note: '快报数' });
    versions = (
      await admin<{ items: (Observation & { period: string })[] }>(
        'GET',
        `/api/indicators/${indicatorId}/observations`,
      )
    ).items
      .filter((o) => o.period === '2021')
      .sort((a, b) => a.version - b.version);
    expect(versions.map((o) => [o.version, o.value])).toEqual([
      [1, 598],
      [2, 612],
    ]);

    ({ page } = await loggedIn(browser, server.url, ADMIN, { timeout: 60_000, pageErrors: errors }));
  }, 600_000); // a first run builds the web workspace

  afterAll(() => stopSite({ browser, server, dataDir }));

  it('the indicator page shows both versions of a revised value, the reason, who entered and approved each, and its source', async () => {
    await page.goto(`${server.url}/indicators/${indicatorId}`);
    const record = page.getByTestId('provenance-2021-actual');
    const header = page.getByTestId('provenance').locator('[data-period="2021"]');
    // the newest period (2022, lead.kjj@'s draft under review) opens by default; 2021 opens on a click
    await header.click();
    await record.waitFor();
    expect(await header.innerText()).toBe('2021年 · 612 家 · 共2版');
    const v2 = record.locator('[data-version="2"]');
    const v1 = record.locator('[data-version="1"]');
    const [v1o, v2o] = versions as [Observation, Observation];
    const text2 = await v2.innerText();
    expect(text2).toContain('第2版');
    expect(text2).toContain('612 家');
    expect(text2).toContain('（原为 598 家）');
    expect(text2).toContain(`更正原因：${REASON}`);
    expect(text2).toContain(`填报：${KJJ.email}，${beijing(v2o.createdAt)}`);
    expect(text2).toContain(`提交：${KJJ.email}，${beijing(v2o.submittedAt)}`);
    expect(text2).toContain(`审核通过：${ADMIN.email}，${beijing(v2o.approvedAt)}`);
    const text1 = await v1.innerText();
    expect(text1).toContain('第1版');
    expect(text1).toContain('598 家');
    expect(text1).toContain('备注：快报数');
    expect(text1).toContain(`填报：${KJJ.email}，${beijing(v1o.createdAt)}`);
    expect(text1).toContain(`审核通过：${ADMIN.email}，${beijing(v1o.approvedAt)}`);
    expect(text1).not.toContain('更正原因');
    // the source as stored: linked title, the figure as printed, release date, 口径; version 1 (entered by
    // KJJ without a publication) shows its own
    const source = record.locator('.provenance-source').first();
    const link = source.getByRole('link', { name: SOURCE.title });
    expect(await link.getAttribute('href')).toBe(SOURCE.url);
    const sourceText = await source.innerText();
    for (const s of ['公开统计数据', SOURCE.quote, SOURCE.releasedOn, SOURCE.basis])
      expect(sourceText).toContain(s);
    expect(await v1.locator('.provenance-source').innerText()).toContain('部门填报');
    await page.screenshot({ path: join(RESULTS, 'provenance.png'), fullPage: true });
    await axeBothLanguages(
      async (lang) => {
        await page
          .getByTestId('provenance')
          .getByText(lang === 'en' ? 'Sources and revisions' : '数据来源与修订记录')
          .waitFor();
        await expect
          .poll(() => v2.innerText(), WAIT)
          .toContain(lang === 'en' ? 'Reason for the correction' : '更正原因');
      },
      'indicator',
      page.getByTestId('provenance').locator('.ant-card-head-title'),
    );
  });

  it('the audit screen filtered by a user and an action shows exactly the API’s entries, in words', async () => {
    const admin = await client(ADMIN);
    const expected = await admin<{ items: AuditEntry[]; total: number }>(
      'GET',
      `/api/audit?actorExact=${encodeURIComponent(KJJ.email)}&action=submit`,
    );
    expect(expected.total).toBe(2); // KJJ submitted version 1 and version 2
    // a part of the actor finds lead.kjj@'s submission too: the screen's choice must not mean that
    const partial = await admin<{ total: number }>(
      'GET',
      `/api/audit?actor=${encodeURIComponent(KJJ.email)}&action=submit`,
    );
    expect(partial.total).toBe(3);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '操作日志', exact: true }).click();
    await page.getByTestId('audit-table').locator('.ant-table-row').first().waitFor();
    await page.getByRole('combobox', { name: '操作人' }).click();
    await page.locator(`.ant-select-item-option[title="${KJJ.email}"]`).click();
    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await page.locator('.ant-select-item-option[title="提交审核"]').click();
    const rows = page.getByTestId('audit-table').locator('.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBe(expected.total);
    await expect
      .poll(() => page.getByTestId('audit-page').locator('.ant-pagination-total-text').innerText(), WAIT)
      .toContain('共 2 条');
    const url = new URL(page.url());
    expect([url.searchParams.get('actor'), url.searchParams.get('action')]).toEqual([KJJ.email, 'submit']);
    const texts = await rows.allInnerTexts();
    expected.items.forEach((e, i) => {
      const cells = texts[i]!.split('\t').map((s) => s.trim());
      expect(cells).toEqual([beijing(e.at), KJJ.email, '提交审核', '指标数据', '草稿 → 待审核']);
    });
    await page.screenshot({ path: join(RESULTS, 'audit.png'), fullPage: true });

    // the office's approvals on the same day: the date range (today in Beijing) and the action
    const today = localDateTime(new Date()).slice(0, 10);
    const approvals = await admin<{ items: AuditEntry[]; total: number }>(
      'GET',
      `/api/audit?actorExact=${encodeURIComponent(ADMIN.email)}&action=approve&from=${today}&to=${today}`,
    );
    expect(approvals.total).toBe(2);
    await page.goto(
      `${server.url}/audit?actor=${encodeURIComponent(ADMIN.email)}&action=approve&from=${today}&to=${today}`,
    );
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    expect(
      (await rows.allInnerTexts()).map((r) =>
        r
          .split('\t')
          .map((s) => s.trim())
          .slice(1, 4),
      ),
    ).toEqual([
      [ADMIN.email, '审核通过', '指标数据'],
      [ADMIN.email, '审核通过', '指标数据'],
    ]);
    await axeBothLanguages(async (lang) => {
      await expect
        .poll(() => rows.first().innerText(), WAIT)
        .toContain(lang === 'en' ? 'Approved' : '审核通过');
    }, 'audit');
    expect(errors).toEqual([]);
  });
});
