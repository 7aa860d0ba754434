import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { formChallenge, postFeedback } from '../support/feedback.ts';
import { loginAs, type Client } from '../support/session.ts';

const RAW = '我的电话138-1234-5678，备用１３９１２３４５６７８，身份证110101 19900307 1234';
const MASKED = '我的电话138-****-5678，备用１３９****５６７８，身份证110101 ******** 1234';

describe.each(testDatabases)('who sees personal numbers on $kind (issue 12, break 7)', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let assessor: Client;
  let dept: Client;
  let indicator: PlanIndicator;
  let forms = 0;

  const comment = async (): Promise<string> => {
    const res = await postFeedback(s.app, {
      targetType: 'indicator',
      targetId: indicator.id,
      body: RAW,
      contact: 'me@example.com',
      challenge: await formChallenge(s.db, new Date(Date.now() - 60_000 - ++forms * 1000)),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const bodyOf = async (who: Client, path: string, id: string) =>
    (
      (await who.request('GET', path)).body.items as { id: string; body: string; contact: string | null }[]
    ).find((f) => f.id === id);

  beforeAll(async () => {
    indicator = (await indicatorsOf<PlanIndicator>(s.app, s.planId)).find((i) => i.code === 'T2-22')!;
    admin = await loginAs(s.app, s.db, 'admin');
    assessor = await loginAs(s.app, s.db, 'assessor');
    dept = await loginAs(s.app, s.db, 'department', [indicator.departments[0]!.code]);
  });

  it('shows pending and rejected comments masked to departments and assessors, raw to moderators', async () => {
    const pending = await comment();
    const rejected = await comment();
    expect((await admin.request('POST', `/api/feedback/${rejected}/reject`, { reason: '重复' })).status).toBe(
      200,
    );
    for (const [id, status] of [
      [pending, 'pending'],
      [rejected, 'rejected'],
    ] as const) {
      const path = `/api/feedback?status=${status}`;
      expect(await bodyOf(admin, path, id)).toMatchObject({ body: RAW, contact: 'me@example.com' });
      expect(await bodyOf(assessor, path, id)).toMatchObject({ body: MASKED, contact: null });
      expect(await bodyOf(dept, path, id)).toMatchObject({ body: MASKED, contact: null });
    }
  });

  it('publishes every spelling masked, and the reply answer and overdue list stay masked', async () => {
    const id = await comment();
    expect((await admin.request('POST', `/api/feedback/${id}/publish`, {})).status).toBe(200);
    const shown = await getJson<{ items: { id: string; body: string }[] }>(
      s.app,
      `/api/public/feedback?targetType=indicator&targetId=${indicator.id}`,
    );
    expect(shown.body.items.find((f) => f.id === id)?.body).toBe(MASKED);
    const replied = await dept.request('POST', `/api/feedback/${id}/reply`, { body: '已收到' });
    expect(replied.status).toBe(200);
    expect(replied.body.body).toBe(MASKED);
    expect(replied.body.contact).toBeNull();
    const overdue = await assessor.request('GET', '/api/feedback/overdue');
    expect(overdue.status).toBe(200);
    expect(JSON.stringify(overdue.body)).not.toContain('1234-5678');
    const page = await (await s.app.request(`/public/indicators/${indicator.id}`)).text();
    expect(page).toContain('138-****-5678');
    expect(page).not.toContain('1234-5678');
  });
});
