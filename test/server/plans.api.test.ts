import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import type { TreeNode } from '../support/plan-tree.ts';

interface PlanItem {
  id: string;
  key: string;
  periodStart: number;
  periodEnd: number;
  indicatorCount: number;
  secondaryIndicatorCount: number;
}

describe.each(testDatabases)('plans API on $kind', ({ kind, create }) => {
  const s = appSuite(create, { seed: true });
  let p14: PlanItem;

  beforeAll(async () => {
    const { body } = await getJson<{ items: PlanItem[] }>(s.app, '/api/plans');
    p14 = body.items.find((p) => p.key === 'sip-14th')!;
  });

  it('reports health with the database kind', async () => {
    const { status, body } = await getJson(s.app, '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', db: kind, version: 'test', timeZone: 'Asia/Shanghai' });
  });

  it('tells the web the configured time zone (LANTU_TIME_ZONE), a name Intl does not know falling back', async () => {
    const zoneOf = async (name: string) => {
      process.env.LANTU_TIME_ZONE = name;
      try {
        return (await getJson<{ timeZone: string }>(s.app, '/api/health')).body.timeZone;
      } finally {
        delete process.env.LANTU_TIME_ZONE;
      }
    };
    expect(await zoneOf('America/New_York')).toBe('America/New_York');
    expect(await zoneOf('Mars/Olympus')).toBe('Asia/Shanghai');
  });

  it('lists the SIP 14th plan with 36 indicators', () => {
    expect(p14).toMatchObject({ periodStart: 2021, periodEnd: 2025, indicatorCount: 36 });
    expect(p14.secondaryIndicatorCount).toBeGreaterThanOrEqual(20);
  });

  it('returns the tree with parts and chapters in order', async () => {
    const { status, body } = await getJson<{ nodes: (TreeNode & { title: string })[] }>(
      s.app,
      `/api/plans/${p14.id}/tree`,
    );
    expect(status).toBe(200);
    const parts = body.nodes.filter((n) => n.kind === 'part');
    expect(parts).toHaveLength(6);
    expect(parts[5]?.title).toBe('共绘世界一流高科技园区蓝图');
    expect(parts.flatMap((p) => p.children).filter((c) => c.kind === 'chapter')).toHaveLength(26);
  });

  it('returns indicators in table order with their lead department', async () => {
    const { status, body } = await getJson<{
      items: { code: string; name: string; kind: string; origin: string; departments: { role: string }[] }[];
    }>(s.app, `/api/plans/${p14.id}/indicators`);
    expect(status).toBe(200);
    const table = body.items.filter((i) => i.origin === 'table');
    expect(table).toHaveLength(36);
    expect(body.items.slice(0, 36)).toEqual(table);
    expect(body.items[0]).toMatchObject({ code: 'T2-01', name: '地区生产总值年均增速', kind: 'cagr' });
    expect(table.every((i) => i.departments[0]?.role === 'lead')).toBe(true);
  });

  it('answers an unknown plan with 404 not_found and a bad id with 422', async () => {
    const missing = await getJson<{ error: { code: string } }>(
      s.app,
      '/api/plans/00000000-0000-4000-8000-000000000000/tree',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const bad = await getJson<{ error: { code: string } }>(s.app, '/api/plans/not-a-uuid/indicators');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('publishes an OpenAPI document listing every route, and a docs page', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, unknown> }>(
      s.app,
      '/api/openapi.json',
    );
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    // every API route the app serves is documented
    const served = s.app.routes
      .filter(
        (r) =>
          r.path.startsWith('/api/') &&
          r.method !== 'ALL' &&
          !['/api/openapi.json', '/api/docs'].includes(r.path),
      )
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
    expect(served.length).toBeGreaterThanOrEqual(5);
    for (const path of served) expect(Object.keys(body.paths)).toContain(path);
    const docs = await s.app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/plans/{id}/tree');
  });

  it('sends security headers', async () => {
    const res = await s.app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
