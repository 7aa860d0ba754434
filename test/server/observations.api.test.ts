import { beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { enterValue } from '../support/observations.ts';
import { leadOtherAndOffice, loginAs, type Client } from '../support/session.ts';

describe.each(testDatabases)('observation workflow on $kind', ({ create }) => {
  const s = seededSuite(create);
  let hitech: PlanIndicator; // T2-13 省级以上研发机构总数 (level 560 → 750; no published value in the seed)
  let dept: Client;
  let otherDept: Client;
  let admin: Client;
  let assessor: Client;

  beforeAll(async () => {
    const inds = await indicatorsOf<PlanIndicator>(s.app, s.planId);
    hitech = inds.find((i) => i.code === 'T2-13')!;
    ({ dept, otherDept, admin } = await leadOtherAndOffice(s.app, s.db, hitech, inds));
    assessor = await loginAs(s.app, s.db, 'assessor');
  });

  it('runs draft → submitted → approved, then locks the value', async () => {
    const created = await enterValue(dept, { indicatorId: hitech.id, period: '2021', value: 2500 });
    expect(created.status).toBe(201);
    expect(created.body.observation).toMatchObject({ status: 'draft', version: 1, value: 2500, year: 2021 });
    const id = created.body.observation.id as string;

    expect((await dept.request('POST', `/api/observations/${id}/submit`)).body.status).toBe('submitted');
    const approved = await admin.request('POST', `/api/observations/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      createdByEmail: dept.email,
      submittedByEmail: dept.email,
      approvedByEmail: admin.email,
    });

    const edit = await dept.request('PATCH', `/api/observations/${id}`, { value: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('locked');
  });

  it('keeps every version: a correction needs a reason and becomes version 2', async () => {
    const noReason = await enterValue(dept, { indicatorId: hitech.id, period: '2021', value: 2600 });
    expect(noReason.status).toBe(422);
    const corrected = await enterValue(dept, {
      indicatorId: hitech.id,
      period: '2021',
      value: 2600,
      reason: '统计年鉴修订',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body.observation).toMatchObject({
      version: 2,
      correctionReason: '统计年鉴修订',
      status: 'draft',
    });
    const list = await dept.request('GET', `/api/indicators/${hitech.id}/observations`);
    expect(list.body.items.map((o: { version: number; status: string }) => [o.version, o.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
  });

  it('returns a submitted value with a reason, and the department edits and resubmits it', async () => {
    const created = await enterValue(dept, { indicatorId: hitech.id, period: '2022', value: 3000 });
    const id = created.body.observation.id as string;
    await dept.request('POST', `/api/observations/${id}/submit`);
    expect((await assessor.request('POST', `/api/observations/${id}/return`, { reason: '' })).status).toBe(
      422,
    );
    const returned = await assessor.request('POST', `/api/observations/${id}/return`, {
      reason: '口径不一致',
    });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '口径不一致' });
    const edited = await dept.request('PATCH', `/api/observations/${id}`, { value: 3100 });
    expect(edited.body.observation).toMatchObject({ status: 'draft', value: 3100 });
    expect((await dept.request('POST', `/api/observations/${id}/submit`)).body.status).toBe('submitted');
  });

  it('refuses writes from another department and approvals from departments', async () => {
    const foreign = await enterValue(otherDept, { indicatorId: hitech.id, period: '2023', value: 3500 });
    expect(foreign.status).toBe(403);
    const created = await enterValue(dept, { indicatorId: hitech.id, period: '2023', value: 3500 });
    const id = created.body.observation.id as string;
    expect((await otherDept.request('POST', `/api/observations/${id}/submit`)).status).toBe(403);
    expect((await otherDept.request('PATCH', `/api/observations/${id}`, { value: 1 })).status).toBe(403);
    await dept.request('POST', `/api/observations/${id}/submit`);
    expect((await dept.request('POST', `/api/observations/${id}/approve`)).status).toBe(403);
    // another department sees approved values only, never drafts or submissions
    const seen = await otherDept.request('GET', `/api/indicators/${hitech.id}/observations`);
    expect(seen.body.items.every((o: { status: string }) => o.status === 'approved')).toBe(true);
  });

  it('requires the CSRF token on every write of a session', async () => {
    const missing = await dept.request(
      'POST',
      '/api/observations',
      { indicatorId: hitech.id, period: '2024', value: 1 },
      { csrf: null },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('forbidden');
    const wrong = await dept.request(
      'POST',
      '/api/observations',
      { indicatorId: hitech.id, period: '2024', value: 1 },
      { csrf: 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses anonymous writes with 401', async () => {
    const res = await s.app.request('/api/observations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicatorId: hitech.id, period: '2024', value: 1 }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a share above 100 and asks for a note when a value makes the indicator lag', async () => {
    const inds = await indicatorsOf<PlanIndicator>(s.app, s.planId);
    const share = inds.find((i) => i.code === 'T2-19')!; // 生产性服务业占比 67.6 → 73 (no published value)
    const writer = await loginAs(s.app, s.db, 'department', [share.departments[0]!.code]);
    expect((await enterValue(writer, { indicatorId: share.id, period: '2023', value: 130 })).status).toBe(
      422,
    );
    const low = await enterValue(writer, { indicatorId: share.id, period: '2023', value: 50 });
    expect(low.status).toBe(201);
    const id = low.body.observation.id as string;
    const refused = await writer.request('POST', `/api/observations/${id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('note');
    await writer.request('PATCH', `/api/observations/${id}`, { note: '受疫情影响服务业恢复较慢' });
    expect((await writer.request('POST', `/api/observations/${id}/submit`)).body.status).toBe('submitted');
  });

  it('lets exactly one of two simultaneous approvals win', async () => {
    const created = await enterValue(dept, { indicatorId: hitech.id, period: '2024', value: 4600 });
    const id = created.body.observation.id as string;
    expect((await dept.request('POST', `/api/observations/${id}/submit`)).body.status).toBe('submitted');
    const [a, b] = await Promise.all([
      admin.request('POST', `/api/observations/${id}/approve`),
      assessor.request('POST', `/api/observations/${id}/approve`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('writes an audit entry for every write', async () => {
    const entries = await auditRepository.list(s.db, { entity: 'observation', limit: 1000 });
    const actions = entries.map((e) => e.action);
    for (const a of ['create', 'correct', 'update', 'submit', 'approve', 'return'])
      expect(actions).toContain(a);
    expect(entries.every((e) => e.actor.endsWith('@test.example'))).toBe(true);
  });
});
