import { beforeAll, describe, expect, it } from 'vitest';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { getJson, indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

describe.each(testDatabases)('public portal API on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: PlanIndicator[];
  let admin: Client;
  let secret: string;
  // A form shown a minute ago passes the anti-bot check; each token is good for one post.
  const challenge = () => issueChallenge(secret, new Date(Date.now() - 60_000));

  const post = (path: string, body: unknown) =>
    s.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    indicators = await indicatorsOf<PlanIndicator>(s.app, s.planId);
    admin = await loginAs(s.app, s.db, 'admin');
    secret = await installationSecret(s.db);
  });

  it('lists the 36 indicators of the newest plan, binding ones marked', async () => {
    const { status, body, headers } = await getJson<{ items: { attribute: string; verdict: string }[] }>(
      s.app,
      '/api/public/indicators',
    );
    expect(status).toBe(200);
    expect(body.items).toHaveLength(36);
    expect(body.items.filter((i) => i.attribute === 'binding').length).toBeGreaterThan(0);
    expect(headers.get('etag')).toMatch(/^".+"$/);
    expect(headers.get('cache-control')).toContain('public');
    const again = await s.app.request('/api/public/indicators', {
      headers: { 'if-none-match': headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('draws the baseline → target path only for kinds that have one (the domain rule)', async () => {
    const path = async (code: string) => {
      const ind = indicators.find((i) => i.code === code)!;
      const r = await getJson<{ path: { year: number; value: number }[] }>(
        s.app,
        `/api/public/indicators/${ind.id}/values`,
      );
      return r.body.path;
    };
    // 高新技术企业数 1837 → 5000 (level): one point a year on the straight line.
    const level = await path('T2-11');
    expect(level.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(level[0]?.value).toBe(1837);
    expect(level[1]?.value).toBe(2469.6);
    expect(level[5]?.value).toBe(5000);
    // 城镇登记失业率 ≤ 2 (ceiling), 养老服务设施覆盖率 100 (maintain), GDP 年均增速 (cagr): no path.
    expect(await path('T2-22')).toEqual([]);
    expect(await path('T2-27')).toEqual([]);
    expect(await path('T2-01')).toEqual([]);
  });

  it('publishes approved values only, and at once after approval', async () => {
    const hitech = indicators.find((i) => i.code === 'T2-13')!;
    const dept = await loginAs(s.app, s.db, 'department', [hitech.departments[0]!.code]);
    const draft = await dept.request('POST', '/api/observations', {
      indicatorId: hitech.id,
      period: '2021',
      value: 2600,
    });
    const id = draft.body.observation.id as string;
    const values = async () =>
      (await getJson<{ values: { value: number }[] }>(s.app, `/api/public/indicators/${hitech.id}/values`))
        .body.values;
    expect(await values()).toEqual([]);
    await dept.request('POST', `/api/observations/${id}/submit`);
    expect(await values()).toEqual([]);
    await admin.request('POST', `/api/observations/${id}/approve`);
    expect((await values()).map((v) => v.value)).toEqual([2600]);
    const list = await getJson<{ items: { code: string; latestValue: number | null }[] }>(
      s.app,
      '/api/public/indicators',
    );
    expect(list.body.items.find((i) => i.code === 'T2-13')?.latestValue).toBe(2600);
  });

  it('serves CSV with a byte-order mark so Excel reads Chinese', async () => {
    const res = await s.app.request('/api/public/indicators.csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(37);
    expect(text).toContain('国家高新技术企业数');
  });

  it('takes a comment as pending, publishes it escaped and masked, and shows the department reply', async () => {
    const target = indicators.find((i) => i.code === 'T2-22')!; // 城镇登记失业率
    const sent = await post('/api/public/feedback', {
      targetType: 'indicator',
      targetId: target.id,
      body: '<script>alert(1)</script> 我的电话13812345678',
      name: '市民',
      contact: 'me@example.com',
      challenge: challenge(),
    });
    expect(sent.status).toBe(202);
    const { id, status } = (await sent.json()) as { id: string; status: string };
    expect(status).toBe('pending');
    const listed = async () =>
      (
        await getJson<{ items: { id: string; body: string; reply: { body: string } | null }[] }>(
          s.app,
          `/api/public/feedback?targetType=indicator&targetId=${target.id}`,
        )
      ).body.items;
    expect(await listed()).toEqual([]);

    const published = await admin.request('POST', `/api/feedback/${id}/publish`, {});
    expect(published.status).toBe(200);
    const shown = (await listed())[0]!;
    expect(shown.body).toBe('<script>alert(1)</script> 我的电话138****5678');
    expect(JSON.stringify(shown)).not.toContain('me@example.com');

    const lead = target.departments[0]!.code;
    const other = indicators.flatMap((i) => i.departments).find((d) => d.code !== lead)!.code;
    const outsider = await loginAs(s.app, s.db, 'department', [other]);
    expect((await outsider.request('POST', `/api/feedback/${id}/reply`, { body: '越权答复' })).status).toBe(
      403,
    );
    const dept = await loginAs(s.app, s.db, 'department', [lead]);
    const replied = await dept.request('POST', `/api/feedback/${id}/reply`, {
      body: '感谢关注，失业率控制在目标以内。',
    });
    expect(replied.status).toBe(200);
    expect((await listed())[0]?.reply?.body).toBe('感谢关注，失业率控制在目标以内。');

    const stats = await getJson<{ items: { department: string; replyRate: number; routed: number }[] }>(
      s.app,
      '/api/public/feedback/stats',
    );
    expect(stats.body.items.find((s) => s.routed === 1)?.replyRate).toBe(1);

    const feed = await (await s.app.request('/api/public/feeds/replies.atom')).text();
    expect(feed).toContain('&lt;script&gt;');
    expect(feed).not.toContain('<script>');
  });

  it('refuses a form sent too fast, a filled honeypot and floods', async () => {
    const target = indicators[0]!;
    const fresh = issueChallenge(await installationSecret(s.db));
    const comment = (form: { challenge: string; website?: string }) =>
      post('/api/public/feedback', { targetType: 'indicator', targetId: target.id, body: 'x', ...form });
    expect((await comment({ challenge: fresh })).status).toBe(400);
    expect((await comment({ challenge: challenge(), website: 'spam' })).status).toBe(400);
    expect((await comment({ challenge: 'forged.token' })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await post('/api/public/feedback', {
            targetType: 'indicator',
            targetId: target.id,
            body: `意见${i}`,
            challenge: challenge(),
          })
        ).status,
      );
    }
    // the earlier test posted once from this client: 5 allowed per window
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps rejected comments out of public view with the reason kept', async () => {
    const queue = await admin.request('GET', '/api/feedback?status=pending');
    const first = queue.body.items[0];
    const rejected = await admin.request('POST', `/api/feedback/${first.id}/reject`, {
      reason: '与规划无关',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '与规划无关' });
    const all = await getJson<{ items: { id: string }[] }>(s.app, '/api/public/feedback');
    expect(all.body.items.map((i) => i.id)).not.toContain(first.id);
  });
});
