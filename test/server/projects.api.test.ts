import { beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Project {
  id: string;
  code: string;
  name: string;
  category: string | null;
  stage: string | null;
  totalInvestment: number | null;
  startYear: number | null;
  endYear: number | null;
  spatialUnitCode: string | null;
  inLibrary: boolean;
}

describe.each(testDatabases)('major-project library on $kind', ({ create }) => {
  const s = seededSuite(create);
  let projects: Project[];
  let admin: Client;
  let lead: Client;
  let other: Client;
  let assessor: Client;
  let departments: string[];

  beforeAll(async () => {
    projects = (await getJson<{ items: Project[] }>(s.app, `/api/projects?planId=${s.planId}`)).body.items;
    departments = (await s.db.query<{ code: string }>('SELECT code FROM departments ORDER BY code')).map(
      (d) => d.code,
    );
    admin = await loginAs(s.app, s.db, 'admin');
    lead = await loginAs(s.app, s.db, 'department', [departments[0]!]);
    other = await loginAs(s.app, s.db, 'department', [departments[1]!]);
    assessor = await loginAs(s.app, s.db, 'assessor');
  });

  it('seeds the projects the plan names, with the facts it gives', () => {
    const byName = new Map(projects.map((p) => [p.name, p]));
    expect(byName.get('中新生物技术创新岛')).toMatchObject({
      totalInvestment: 200,
      startYear: 2021,
      endYear: 2025,
      category: '产业',
      spatialUnitCode: 'A-DSH',
    });
    for (const name of [
      '草鞋山遗址公园',
      '北部市民中心',
      '南部市民中心',
      '李公堤廉洁文化馆',
      '轨道交通5、6、7、8和S1号线（园区段）',
      '独墅湖第二通道',
      '500kV车坊变超规模扩建',
      '110kV白塘变、湖心变、青剑变、淞泽变、北门变',
      '独墅湖医院二期',
      '星塘医院',
      '星海医院改建',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(projects.filter((p) => p.category === '文化').length).toBeGreaterThanOrEqual(5);
  });

  it('filters by category, stage and spatial unit, and lists the spatial units', async () => {
    const culture = await getJson<{ items: Project[] }>(
      s.app,
      `/api/projects?planId=${s.planId}&category=文化`,
    );
    expect(culture.body.items.length).toBeGreaterThan(0);
    expect(culture.body.items.every((p) => p.category === '文化')).toBe(true);
    const dsh = await getJson<{ items: Project[] }>(s.app, '/api/projects?spatialUnit=A-DSH&stage=在建');
    expect(dsh.body.items.map((p) => p.name)).toContain('中新生物技术创新岛');
    expect(dsh.body.items.every((p) => p.spatialUnitCode === 'A-DSH' && p.stage === '在建')).toBe(true);
    expect((await getJson(s.app, '/api/projects?stage=demolished')).status).toBe(422);
    const units = await getJson<{ items: { code: string; description: string }[] }>(
      s.app,
      '/api/spatial-units',
    );
    expect(units.body.items.filter((u) => u.description === '四片')).toHaveLength(4);
    expect(units.body.items.some((u) => u.description === '多点')).toBe(true);
  });

  it('lets admins create and edit projects, with links to nodes and indicators, audited', async () => {
    const inds = await getJson<{ items: { id: string; code: string }[] }>(
      s.app,
      `/api/plans/${s.planId}/indicators`,
    );
    const indicator = inds.body.items[0]!;
    const payload = {
      planId: s.planId,
      code: 'PRJ-T1',
      name: '测试产业园',
      category: '产业',
      importanceClass: '区重点项目',
      importanceRank: 1,
      leadDepartment: departments[0],
      spatialUnit: 'A-GD',
      longitude: 120.72,
      latitude: 31.32,
      totalInvestment: 30,
      investmentUnit: '亿元',
      startYear: 2022,
      endYear: 2024,
      stage: '前期',
      indicatorIds: [indicator.id],
    };
    expect((await lead.request('POST', '/api/projects', payload)).status).toBe(403);
    expect((await assessor.request('POST', '/api/projects', payload)).status).toBe(403);
    const anon = await s.app.request('/api/projects', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(anon.status).toBe(401);
    const created = await admin.request('POST', '/api/projects', payload);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'PRJ-T1',
      leadDepartmentCode: departments[0],
      spatialUnitCode: 'A-GD',
      stage: '前期',
      inLibrary: true,
      links: [{ indicatorId: indicator.id, indicatorCode: indicator.code }],
    });
    expect((await admin.request('POST', '/api/projects', payload)).status).toBe(409);
    expect(
      (await admin.request('POST', '/api/projects', { ...payload, code: 'X', spatialUnit: 'NOPE' })).status,
    ).toBe(422);
    expect(
      (
        await admin.request('POST', '/api/projects', {
          ...payload,
          code: 'X',
          startYear: 2025,
          endYear: 2021,
        })
      ).status,
    ).toBe(422);
    expect(
      (await admin.request('POST', '/api/projects', { ...payload, code: 'X', category: '娱乐' })).status,
    ).toBe(422);

    const id = created.body.id as string;
    expect((await lead.request('PATCH', `/api/projects/${id}`, { stage: '在建' })).status).toBe(403);
    const edited = await admin.request('PATCH', `/api/projects/${id}`, { stage: '在建', indicatorIds: [] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ stage: '在建', links: [] });
    const audit = await auditRepository.list(s.db, { entity: 'project', entityId: id });
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('records planned vs completed investment (admin or lead department only) and builds the rolling plan', async () => {
    const p = (await getJson<{ items: Project[] }>(s.app, '/api/projects?category=产业')).body.items.find(
      (x) => x.code === 'PRJ-T1',
    )!;
    const items = [
      { year: 2022, planned: 10, completed: 9 },
      { year: 2023, planned: 12 },
      { year: 2024, planned: 8 },
    ];
    expect((await other.request('POST', `/api/projects/${p.id}/investments`, { items })).status).toBe(403);
    expect((await assessor.request('POST', `/api/projects/${p.id}/investments`, { items })).status).toBe(403);
    const saved = await lead.request('POST', `/api/projects/${p.id}/investments`, { items });
    expect(saved.status).toBe(200);
    expect(saved.body.investments).toEqual([
      { year: 2022, planned: 10, completed: 9, completionRate: 90 },
      { year: 2023, planned: 12, completed: null, completionRate: 0 },
      { year: 2024, planned: 8, completed: null, completionRate: 0 },
    ]);
    // completed alone keeps the planned figure
    const completed = await admin.request('POST', `/api/projects/${p.id}/investments`, {
      items: [{ year: 2023, completed: 6 }],
    });
    expect(completed.body.investments[1]).toEqual({
      year: 2023,
      planned: 12,
      completed: 6,
      completionRate: 50,
    });
    expect(completed.body.completionRate).toBe(50); // (9 + 6) / 30
    expect(
      (
        await admin.request('POST', `/api/projects/${p.id}/investments`, {
          items: [{ year: 2023 }, { year: 2023 }],
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await admin.request('POST', `/api/projects/${p.id}/investments`, {
          items: [{ year: 2023, planned: -1 }],
        })
      ).status,
    ).toBe(422);

    const rolling = await getJson<{
      years: number[];
      items: { project: { code: string }; planned: (number | null)[]; total: number }[];
      totals: number[];
    }>(s.app, `/api/projects/rolling?from=2023&planId=${s.planId}`);
    expect(rolling.status).toBe(200);
    expect(rolling.body.years).toEqual([2023, 2024, 2025]);
    const row = rolling.body.items.find((i) => i.project.code === 'PRJ-T1')!;
    expect(row).toMatchObject({ planned: [12, 8, null], total: 20 });
    expect(rolling.body.items.some((i) => i.project.code === 'PRJ-01')).toBe(true); // 2021–2025 overlaps
    expect(rolling.body.totals[0]).toBe(12);
    const later = await getJson<{ items: { project: { code: string } }[] }>(
      s.app,
      `/api/projects/rolling?from=2026&planId=${s.planId}`,
    );
    expect(later.body.items.some((i) => i.project.code === 'PRJ-T1')).toBe(false);
  });

  it('moves projects out of and back into the library with reasons, keeping the history', async () => {
    const p = projects.find((x) => x.name === '星塘医院')!;
    const move = { reason: '项目调整至下一规划期', date: '2023-06-30' };
    expect((await lead.request('POST', `/api/projects/${p.id}/exit`, move)).status).toBe(403);
    expect(
      (await admin.request('POST', `/api/projects/${p.id}/exit`, { ...move, date: '2023-02-30' })).status,
    ).toBe(422);
    expect((await admin.request('POST', `/api/projects/${p.id}/exit`, { ...move, reason: ' ' })).status).toBe(
      422,
    );
    const out = await admin.request('POST', `/api/projects/${p.id}/exit`, move);
    expect(out.status).toBe(200);
    expect(out.body.inLibrary).toBe(false);
    expect((await admin.request('POST', `/api/projects/${p.id}/exit`, move)).status).toBe(409);
    const listed = await getJson<{ items: Project[] }>(s.app, '/api/projects');
    expect(listed.body.items.some((x) => x.id === p.id)).toBe(false);
    const exited = await getJson<{ items: Project[] }>(s.app, '/api/projects?inLibrary=false');
    expect(exited.body.items.map((x) => x.id)).toContain(p.id);
    const back = await admin.request('POST', `/api/projects/${p.id}/enter`, {
      reason: '重新纳入',
      date: '2024-01-15',
    });
    expect(back.body.inLibrary).toBe(true);
    const detail = await getJson<{
      history: { action: string; reason: string; date: string; byEmail: string }[];
    }>(s.app, `/api/projects/${p.id}`);
    expect(detail.body.history.map((h) => [h.action, h.date, h.reason])).toEqual([
      ['exit', '2023-06-30', '项目调整至下一规划期'],
      ['enter', '2024-01-15', '重新纳入'],
    ]);
    expect(detail.body.history[0]!.byEmail).toBe(admin.email);
    const audit = await auditRepository.list(s.db, { entity: 'project', entityId: p.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['enter', 'exit']);
  });

  it('takes one progress report per project and quarter, from the lead department or admins', async () => {
    const p = (await getJson<{ items: Project[] }>(s.app, '/api/projects?category=产业')).body.items.find(
      (x) => x.code === 'PRJ-T1',
    )!;
    const report = { year: 2024, quarter: 1, stage: '竣工', percent: 100, text: '主体完工' };
    expect((await other.request('POST', `/api/projects/${p.id}/progress`, report)).status).toBe(403);
    expect(
      (await lead.request('POST', `/api/projects/${p.id}/progress`, { ...report, quarter: 5 })).status,
    ).toBe(422);
    const saved = await lead.request('POST', `/api/projects/${p.id}/progress`, report);
    expect(saved.status).toBe(201);
    expect(saved.body.stage).toBe('竣工');
    expect(saved.body.progress).toMatchObject([
      { year: 2024, quarter: 1, percent: 100, text: '主体完工', byEmail: lead.email },
    ]);
    const again = await lead.request('POST', `/api/projects/${p.id}/progress`, report);
    expect(again.status).toBe(409);
    // the refusal names the project and the quarter in both languages (本季度 alone read as the current quarter)
    expect(again.body.error.messages).toEqual({
      zh: 'PRJ-T1 2024年第1季度的进展已填报',
      en: 'PRJ-T1 already has a report for 2024Q1',
    });
    // a seeded project without a lead department: only admins report on it
    const seeded = projects.find((x) => x.code === 'PRJ-01')!;
    expect((await lead.request('POST', `/api/projects/${seeded.id}/progress`, report)).status).toBe(403);
    expect(
      (await admin.request('POST', `/api/projects/${seeded.id}/progress`, { ...report, stage: null })).status,
    ).toBe(201);
    expect((await getJson(s.app, '/api/projects/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});
