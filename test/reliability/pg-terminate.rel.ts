import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import type { Db } from '../../src/db/db.types.ts';
import { startServe } from '../support/cli.ts';
import { prepareWriters, scratchDatabase } from './load.ts';

const PG = process.env.TEST_DATABASE_URL;
/** The reliability stage of .ci/run sets 20: the crash this guards against happened in about 1 run in 5. */
const RUNS = Math.max(1, Number(process.env.RELIABILITY_PG_TERMINATE_RUNS ?? 1));
const CLIENTS = 12;
const TERMINATIONS = 10;

interface Answer {
  path: string;
  status: number; // 0: no HTTP answer (connection refused or reset: the process died)
  retryAfter: string | null;
  body: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const path = new URL(url).pathname;
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    return { path, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  } catch (e) {
    return { path, status: 0, retryAfter: null, body: String(e) };
  }
}

/**
 * `pg_terminate_backend` on every connection of the app (error 57P01), ten times while twelve clients write and
 * read: pooled clients are hit idle, running a query, and idle inside a transaction. The process must live,
 * answer 503 + Retry-After while its connections are gone and reconnect by itself.
 */
describe.runIf(PG)('PostgreSQL terminating the server’s connections (pg_terminate_backend)', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let server: Awaited<ReturnType<typeof startServe>>;
  let admin: Db;
  let stderr = '';

  const alive = () => server && server.child.exitCode === null && server.child.signalCode === null;
  /** A run that killed the process must not hide the next runs' outcome: each run gets a live server. */
  const ensureServer = async () => {
    if (alive()) return;
    stderr = '';
    server = await startServe({ DATABASE_URL: scratch.url });
    server.child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  };

  beforeAll(async () => {
    scratch = await scratchDatabase(PG!, 'lantu_term');
    admin = openPostgres({ connectionString: PG!, max: 1 });
    await ensureServer();
  });
  afterAll(async () => {
    if (alive()) await server.stop();
    await admin?.close();
    await scratch?.drop();
  });

  const terminateAll = async (): Promise<number> => {
    const rows = await admin.query<{ n: string }>(
      `SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [new URL(scratch.url).pathname.slice(1)],
    );
    return Number(rows[0]?.n ?? 0);
  };

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}/${RUNS}: ${TERMINATIONS} terminations under ${CLIENTS} clients — alive, 503 + Retry-After, reconnected`, async () => {
      await ensureServer();
      const writers = await prepareWriters(server.url, scratch.url, CLIENTS / 2, `term${run}`);
      const answers: Answer[] = [];
      let stop = false;
      const writer = async (i: number) => {
        const w = writers[i]!;
        const headers = { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' };
        for (let s = 0; !stop && s < w.slots.length; s++) {
          const slot = w.slots[s]!;
          const created = await call(`${server.url}/api/observations`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ ...slot, note: `term-${run}-${i}-${s}` }),
          });
          answers.push(created);
          if (created.status === 201) {
            const id = (JSON.parse(created.body) as { observation: { id: string } }).observation.id;
            answers.push(
              await call(`${server.url}/api/observations/${id}/submit`, { method: 'POST', headers }),
            );
          }
          answers.push(await call(`${server.url}/api/inbox`, { headers }));
        }
      };
      const reader = async (i: number) => {
        const paths = ['/api/health', '/api/plans', '/api/auth/me', '/api/public/indicators'];
        for (let k = 0; !stop; k++) answers.push(await call(`${server.url}${paths[(i + k) % paths.length]}`));
      };
      const clients = [
        ...writers.map((_, i) => writer(i)),
        ...Array.from({ length: CLIENTS - writers.length }, (_, i) => reader(i)),
      ];
      let terminated = 0;
      try {
        for (let t = 0; t < TERMINATIONS; t++) {
          await new Promise((r) => setTimeout(r, 150 + ((t * 97) % 250)));
          terminated += await terminateAll();
        }
      } finally {
        stop = true;
        await Promise.all(clients);
      }
      expect(terminated, 'the app had connections to terminate').toBeGreaterThan(TERMINATIONS);
      expect(server.child.exitCode, `the process survived; stderr: ${stderr.slice(-2000)}`).toBeNull();
      expect(server.child.signalCode).toBeNull();
      expect(
        answers.filter((a) => a.status === 0 || a.status >= 500).filter((a) => a.status !== 503),
        'no dropped connection, no 500',
      ).toEqual([]);
      const unavailable = answers.filter((a) => a.status === 503);
      expect(
        unavailable.filter((a) => a.retryAfter === null || !a.body.includes('db_unavailable')),
        '503 says db_unavailable and carries Retry-After',
      ).toEqual([]);
      // reconnected by itself: the health check and a write succeed again
      let health = await call(`${server.url}/api/health`);
      for (let i = 0; i < 50 && health.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        health = await call(`${server.url}/api/health`);
      }
      expect(health.status).toBe(200);
      const w = writers[0]!;
      const again = await call(`${server.url}/api/plans`, { headers: { cookie: w.cookie } });
      expect(again.status).toBe(200);
      console.log(
        `run ${run}: ${terminated} backends terminated, ${answers.length} requests, ${unavailable.length} × 503`,
      );
    });
  }
});
