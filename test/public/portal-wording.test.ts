import { describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { formChallenge, postFeedback } from '../support/feedback.ts';
import { loginAs } from '../support/session.ts';

// Issue 17, bug 8: the portal's 评估报告 table headed its links 下载数据（CSV）, and the 监督意见 page listed
// comments without the item each is about.
describe.each(testDatabases)('portal wording on $kind', ({ create }) => {
  const s = seededSuite(create);
  const page = async (path: string) => (await s.app.request(path)).text();

  it('the reports table heads its .docx/.xlsx links as a report download', async () => {
    const zh = await page('/public/reports');
    const headers = [...zh.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['评价年度', '报告', '下载报告']);
    expect(zh).not.toContain('CSV');
    const en = await page('/public/reports?lang=en');
    expect(en).toContain('<th scope="col">Download the report</th>');
  });

  it('the 监督意见 page names and links the item each comment is about', async () => {
    const { items } = (
      await getJson<{ items: { id: string; code: string; name: string }[] }>(
        s.app,
        `/api/plans/${s.planId}/indicators`,
      )
    ).body;
    const target = items.find((i) => i.code === 'T2-12')!;
    const sent = await postFeedback(s.app, {
      targetType: 'indicator',
      targetId: target.id,
      body: '建议公布分季度数据',
      name: '市民',
      challenge: await formChallenge(s.db),
    });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    const admin = await loginAs(s.app, s.db, 'admin');
    expect((await admin.request('POST', `/api/feedback/${id}/publish`, {})).status).toBe(200);
    const html = await page('/public/feedback');
    const li = html.slice(html.indexOf(`id="fb-${id}"`));
    expect(li.slice(0, li.indexOf('</li>'))).toContain(
      `事项：<a href="/public/indicators/${target.id}">${target.name}</a>`,
    );
  });
});
