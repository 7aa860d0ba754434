import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { writeRouteSuite } from '../support/write-route-suite.ts';
import { ACTORS, clientFor, CSRF_EXEMPT, MATRIX, send, writeRoutes } from '../support/write-routes.ts';

describe.each(testDatabases)('authorisation matrix on $kind', ({ create }) => {
  const ctx = writeRouteSuite(create);

  it('lists every write route of the app, and only those', () => {
    const served = writeRoutes(ctx.app);
    expect(
      served.filter((r) => !(r in MATRIX)),
      'write routes missing from MATRIX',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !served.includes(r)),
      'MATRIX routes the app does not serve',
    ).toEqual([]);
  });

  for (const [route, c] of Object.entries(MATRIX)) {
    it(`${route}: ${ACTORS.map((a) => `${a} ${c.expect[a]}`).join(', ')}`, async () => {
      const method = route.split(' ')[0]!;
      const got: Record<string, number> = {};
      for (const actor of ACTORS) {
        const client = await clientFor(ctx, c, actor);
        const res = await send(ctx.app, client, method, await c.request(ctx));
        got[actor] = res.status;
        if (res.status !== c.expect[actor])
          got[`${actor}:body`] = JSON.stringify(res.body).slice(0, 200) as unknown as number;
      }
      expect(got).toEqual(c.expect);
    });
  }

  // reads that only some may make: the audit log (the office and assessors), with and without its filters
  const READS: Record<string, Record<(typeof ACTORS)[number], number>> = {
    'GET /api/audit': { anonymous: 401, own: 403, other: 403, assessor: 200, admin: 200 },
    'GET /api/audit?actor=kjj&action=create&entity=task_report&from=2024-01-01&to=2030-12-31&limit=10&offset=0':
      { anonymous: 401, own: 403, other: 403, assessor: 200, admin: 200 },
    'GET /api/audit/facets': { anonymous: 401, own: 403, other: 403, assessor: 200, admin: 200 },
  };
  for (const [route, expected] of Object.entries(READS)) {
    it(`${route}: ${ACTORS.map((a) => `${a} ${expected[a]}`).join(', ')}`, async () => {
      const path = route.split(' ')[1]!;
      const got: Record<string, number> = {};
      for (const actor of ACTORS) {
        const client = actor === 'anonymous' ? null : ctx.clients[actor];
        got[actor] = (await send(ctx.app, client, 'GET', { path })).status;
      }
      expect(got).toEqual(expected);
    });
  }

  it('refuses every write of a session without the CSRF token, or with a wrong one', async () => {
    const refused: string[] = [];
    for (const route of writeRoutes(ctx.app)) {
      if (CSRF_EXEMPT.has(route)) continue;
      const [method, path] = route.split(' ') as [string, string];
      const req = { path: path.replace(/:(\w+)/g, randomUUID()), json: {} };
      for (const mode of ['missing', 'wrong'] as const) {
        const res = await send(ctx.app, ctx.clients.admin, method, req, mode);
        const error = (res.body as { error?: { code?: string; message?: string } }).error;
        if (res.status === 403 && error?.code === 'forbidden' && error.message?.includes('CSRF'))
          refused.push(`${route} ${mode}`);
      }
    }
    const expected = writeRoutes(ctx.app)
      .filter((r) => !CSRF_EXEMPT.has(r))
      .flatMap((r) => [`${r} missing`, `${r} wrong`]);
    expect(refused).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });
});
