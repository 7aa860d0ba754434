import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsOf, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { enterValue } from '../support/observations.ts';
import { loginAs } from '../support/session.ts';

interface Indicator {
  id: string;
  code: string;
  departments: { code: string }[];
}

describe.each(testDatabases)('public portal pages on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: Indicator[];

  const page = async (path: string) => {
    const res = await s.app.request(path);
    return { status: res.status, html: await res.text(), headers: res.headers };
  };

  beforeAll(async () => {
    indicators = await indicatorsOf<Indicator>(s.app, s.planId);
  });

  it('shows the plan overview in Chinese by default with all 36 indicators linked', async () => {
    const { status, html } = await page('/public');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('苏州工业园区国民经济和社会发展第十四个五年规划');
    expect(html.match(/href="\/public\/indicators\/[0-9a-f-]{36}"/g)).toHaveLength(36);
    expect(html).toContain('约束性');
    expect(html).not.toContain('<script');
  });

  it('switches to English and remembers it', async () => {
    const en = await s.app.request('/public?lang=en');
    expect(await en.text()).toContain('<html lang="en">');
    const cookie = en.headers.get('set-cookie')!.split(';')[0]!;
    const next = await s.app.request('/public/projects', { headers: { cookie } });
    expect(await next.text()).toContain('Major projects');
  });

  it('answers unknown portal paths with a 404 page', async () => {
    expect((await page('/public/nowhere')).status).toBe(404);
    expect((await page('/public/indicators/not-a-uuid')).status).toBe(404);
  });

  it('never shows draft or submitted values on any public page or route', async () => {
    const target = indicators.find((i) => i.code === 'T2-08')!; // 持证外国人 3937 → 6000 (no published value)
    const dept = await loginAs(s.app, s.db, 'department', [target.departments[0]!.code]);
    const draft = await enterValue(dept, {
      indicatorId: target.id,
      period: '2021',
      value: 987.654,
      note: '草稿',
    });
    expect(draft.status).toBe(201);
    const other = await enterValue(dept, {
      indicatorId: target.id,
      period: '2022',
      value: 976.543,
      note: '已提交',
    });
    await dept.request('POST', `/api/observations/${other.body.observation.id}/submit`);
    const paths = [
      '/public',
      '/public?lang=en',
      `/public/indicators/${target.id}`,
      '/public/projects',
      '/public/reports',
      '/public/feedback',
      '/api/public/indicators',
      '/api/public/indicators.csv',
      `/api/public/indicators/${target.id}/values`,
      `/api/public/indicators/${target.id}/values.csv`,
      '/api/public/projects',
      '/api/public/projects.csv',
      '/api/public/evaluations/latest',
      '/api/public/feedback',
      '/api/public/feedback/stats',
      '/api/public/feeds/replies.atom',
      ...indicators.slice(0, 36).map((i) => `/public/indicators/${i.id}`),
    ];
    for (const path of paths) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).not.toContain('987.654');
      expect(html, path).not.toContain('976.543');
    }
  });

  it('takes a comment from the plain form, escapes it, and comes back with a message', async () => {
    const target = indicators.find((i) => i.code === 'T2-22')!;
    const form = await page(`/public/indicators/${target.id}`);
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.html)?.[1];
    expect(challenge).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
    // a form sent at once is refused as too fast: the page says so in words and keeps the text, escaped
    const body = new URLSearchParams({
      targetType: 'indicator',
      targetId: target.id,
      body: '<img src=x onerror=alert(1)>',
      challenge: challenge!,
    });
    const res = await s.app.request('/public/feedback', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    const refused = await res.text();
    expect(refused).toContain('提交未通过校验');
    expect(refused).toContain('>&lt;img src=x onerror=alert(1)&gt;</textarea>');
    expect(refused).not.toContain('<img src=x');
    const shown = await page(`/public/indicators/${target.id}?error=bad_request`);
    expect(shown.html).toContain('提交未通过校验');
    expect((await page(`/public/indicators/${target.id}?error=<b>x</b>`)).html).not.toContain('<b>x</b>');
  });
});
