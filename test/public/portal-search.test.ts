import { describe, expect, it } from 'vitest';
import { getJson, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

// Issue 17, search: a search box on the portal that works without JavaScript (a GET form, answered by the
// server from the same search as GET /api/plans/{id}/search), what the visitor typed escaped.
describe.each(testDatabases)('portal search on $kind', ({ create }) => {
  const s = appSuite(create, { seed: true });
  const page = async (path: string) => {
    const res = await s.app.request(path);
    return { status: res.status, html: await res.text() };
  };

  it('every portal page carries the search form, a plain GET to /public/search', async () => {
    for (const path of ['/public', '/public/projects', '/public/reports', '/public/feedback']) {
      const { html } = await page(path);
      expect(html, path).toMatch(
        /<form class="search" role="search" action="\/public\/search" method="get">.*<input id="portal-q" type="search" name="q"/,
      );
      expect(html).toContain('<label for="portal-q" class="sr">检索规划文本、指标、项目和意见</label>');
    }
  });

  it('finds an indicator, a project and the plan’s headings, each linked to its public page', async () => {
    const plans = await getJson<{ items: { id: string; key: string }[] }>(s.app, '/api/plans');
    const planId = plans.body.items.find((p) => p.key === 'sip-14th')!.id;
    const api = await getJson<{ indicators: { id: string; code: string }[] }>(
      s.app,
      `/api/plans/${planId}/search?q=${encodeURIComponent('研发经费')}`,
    );
    const rd = api.body.indicators.find((i) => i.code === 'T2-09')!;
    const { status, html } = await page(`/public/search?q=${encodeURIComponent('研发经费')}`);
    expect(status).toBe(200);
    expect(html).toContain(`<a href="/public/indicators/${rd.id}">`);
    expect(html).toContain('<mark>研发经费</mark>');
    expect(html).toMatch(/<h2 id="hits-indicators">主要指标（\d+）<\/h2>/);
    expect(html).toContain('value="研发经费"'); // the box keeps the query

    const project = await page(`/public/search?q=${encodeURIComponent('生物技术创新岛')}`);
    expect(project.html).toMatch(/<a href="\/public\/projects\/[0-9a-f-]{36}">中新生物技术创新岛<\/a>/);

    const text = await page(`/public/search?q=${encodeURIComponent('社会主义现代化')}`);
    expect(text.html).toMatch(/<h2 id="hits-planText">规划文本（\d+）<\/h2>/);
    expect(text.html).toMatch(/<a href="\/public\/nodes\/[0-9a-f-]{36}">第一篇 率先开启/);
  });

  it('escapes what the visitor typed and says when nothing is found, in both languages', async () => {
    const q = '<script>alert(1)</script>"';
    const { status, html } = await page(`/public/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"');
    expect(html).toContain('未找到相关内容。');
    const en = await page(`/public/search?q=${encodeURIComponent('不存在的词语')}&lang=en`);
    expect(en.html).toContain('Nothing found.');
    expect(en.html).toContain('<html lang="en">');
  });

  it('an empty query shows the form; an over-long one is refused with a reason (422)', async () => {
    const empty = await page('/public/search?q=%20');
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('<h1>检索</h1>');
    expect(empty.html).not.toContain('role="status"');
    const long = await page(`/public/search?q=${'长'.repeat(101)}`);
    expect(long.status).toBe(422);
    expect(long.html).toContain('检索词过长');
  });

  it('switching the language keeps the query', async () => {
    const { html } = await page(`/public/search?q=${encodeURIComponent('研发')}`);
    expect(html).toContain(`href="/public/search?q=${encodeURIComponent('研发')}&amp;lang=en"`);
  });
});
