import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import type { Db } from '../../src/db/db.types.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { RATE_LIMITS } from '../../src/server/modules/feedback/feedback.service.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { startServe } from '../support/cli.ts';
import { scratchDatabase } from './load.ts';

const PG = process.env.TEST_DATABASE_URL;

/** A tiny round-robin reverse proxy (node:http), the way a load balancer spreads requests over app nodes. */
function roundRobin(targets: URL[]): Promise<{ url: string; server: Server; hits: number[] }> {
  const hits = targets.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const i = next++ % targets.length;
    hits[i]!++;
    const t = targets[i]!;
    const up = httpRequest(
      {
        host: t.hostname,
        port: t.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-for': '203.0.113.7' },
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits }),
    ),
  );
}

describe.runIf(PG)('two app nodes on one PostgreSQL behind a round-robin proxy', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let nodes: Awaited<ReturnType<typeof startServe>>[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  let db: Db;

  beforeAll(async () => {
    scratch = await scratchDatabase(PG!, 'lantu_two');
    // both start at once: migrations are serialised by the advisory lock, seeding happens once
    nodes = await Promise.all([
      startServe({ DATABASE_URL: scratch.url }),
      startServe({ DATABASE_URL: scratch.url }),
    ]);
    proxy = await roundRobin(nodes.map((n) => new URL(n.url)));
    db = openPostgres({ connectionString: scratch.url, max: 2 });
    await createUser(
      db,
      { email: 'office@two.example', password: 'two nodes password', role: 'admin' },
      { id: null, label: 'test' },
    );
    await createUser(
      db,
      { email: 'kjj@two.example', password: 'two nodes password', role: 'department', departments: ['KJJ'] },
      { id: null, label: 'test' },
    );
    await createUser(
      db,
      { email: 'locked@two.example', password: 'two nodes password', role: 'assessor' },
      { id: null, label: 'test' },
    );
  });
  afterAll(async () => {
    proxy?.server.close();
    await Promise.all(nodes.filter((n) => n.child.exitCode === null).map((n) => n.stop()));
    await db?.close();
    await scratch?.drop();
  });

  const login = async (email: string, password = 'two nodes password') => {
    const res = await fetch(`${proxy.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    return {
      status: res.status,
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: body.csrfToken ?? '',
    };
  };

  it('seeded the plan once although both nodes started together', async () => {
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plans WHERE key = 'sip-14th'");
    expect(rows[0]!.n).toBe(1);
  });

  it('a session made on one node works on the other; CSRF is enforced on both', async () => {
    const s = await login('office@two.example');
    expect(s.status).toBe(200);
    const before = [...proxy.hits];
    for (let k = 0; k < 4; k++) {
      const me = await fetch(`${proxy.url}/api/auth/me`, { headers: { cookie: s.cookie } });
      expect(me.status).toBe(200);
    }
    expect(proxy.hits.map((h, i) => h - before[i]!)).toEqual([2, 2]);
    for (let k = 0; k < 4; k++) {
      const wrong = await fetch(`${proxy.url}/api/departments`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': 'wrong', 'content-type': 'application/json' },
        body: JSON.stringify({ code: `W${k}`, name: '错' }),
      });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${proxy.url}/api/departments`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ code: `R${k}`, name: '对' }),
      });
      expect(right.status).toBe(201);
    }
    const logout = await fetch(`${proxy.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(logout.status).toBeLessThan(300);
    for (const n of nodes)
      expect((await fetch(`${n.url}/api/auth/me`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('an approval on one node reaches the public cache of both within about a second', async () => {
    const admin = await login('office@two.example');
    const kjj = await login('kjj@two.example');
    // KJJ's T2-12 has no published figure to correct (T2-11@2022 has one, approved)
    const ind = await db.query<{ id: string }>(
      "SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.key = 'sip-14th' WHERE i.code = 'T2-12'",
    );
    const id = ind[0]!.id;
    const values = async (url: string) => {
      const r = await fetch(`${url}/api/public/indicators/${id}/values`);
      return { etag: r.headers.get('etag'), body: await r.text() };
    };
    const before = await Promise.all(nodes.map((n) => values(n.url)));
    expect(before[0]!.etag).toBe(before[1]!.etag);
    const post = (c: { cookie: string; csrf: string }, path: string, body?: unknown) =>
      fetch(`${proxy.url}${path}`, {
        method: 'POST',
        headers: {
          cookie: c.cookie,
          'x-csrf-token': c.csrf,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const created = await post(kjj, '/api/observations', {
      indicatorId: id,
      period: '2022',
      value: 2999.5,
      note: 'two nodes',
    });
    expect(created.status).toBe(201);
    const obsId = ((await created.json()) as { observation: { id: string } }).observation.id;
    expect((await post(kjj, `/api/observations/${obsId}/submit`)).status).toBe(200);
    expect((await post(admin, `/api/observations/${obsId}/approve`)).status).toBe(200);
    const deadline = Date.now() + 3_000;
    let after = await Promise.all(nodes.map((n) => values(n.url)));
    for (let k = 0; k < 30 && Date.now() < deadline && !after.every((a) => a.body.includes('2999.5')); k++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await Promise.all(nodes.map((n) => values(n.url)));
    }
    expect(after.map((a) => a.body.includes('2999.5'))).toEqual([true, true]);
    expect(after[0]!.etag).toBe(after[1]!.etag);
    expect(after[0]!.etag).not.toBe(before[0]!.etag);
  });

  it('rate limits and login lock-out count across nodes as with one', async () => {
    const secret = await installationSecret(db);
    const ind = await db.query<{ id: string }>("SELECT id FROM indicators WHERE code = 'T2-11' LIMIT 1");
    const statuses: number[] = [];
    for (let k = 0; k < RATE_LIMITS.perClient.hits + 2; k++) {
      const r = await fetch(`${proxy.url}/api/public/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          targetType: 'indicator',
          targetId: ind[0]!.id,
          body: `第${k}条意见`,
          challenge: issueChallenge(secret, new Date(Date.now() - 60_000)),
        }),
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMITS.perClient.hits).fill(202), 429, 429]);
    const attempts: number[] = [];
    for (let k = 0; k < 5; k++) attempts.push((await login('locked@two.example', `wrong ${k}`)).status);
    expect(attempts).toEqual([401, 401, 401, 401, 401]);
    expect((await login('locked@two.example')).status).toBe(429);
  });
});
