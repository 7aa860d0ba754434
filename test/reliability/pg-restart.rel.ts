import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../support/cli.ts';
import { runLoad, scratchDatabase, summarise, type LoadResult } from './load.ts';

const run = promisify(execFile);
const PG = process.env.TEST_DATABASE_URL;
/** Restarting the shared PostgreSQL disturbs everything else using it: CI opts in, people run it on purpose. */
const RESTART = process.env.RELIABILITY_PG_RESTART === '1';
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 15);

async function pgctl(action: 'stop' | 'start'): Promise<void> {
  const version = readdirSync('/etc/postgresql').sort().at(-1)!;
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { timeout: 60_000 });
}

describe.runIf(PG)('under load (writers + public readers) on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let server: Awaited<ReturnType<typeof startServe>>;
  beforeAll(async () => {
    db = await scratchDatabase(PG!, 'lantu_rel');
    server = await startServe({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    await db?.drop();
  });

  it(`every acknowledged write is in the database exactly once (${SECONDS} s)`, async () => {
    const result = await runLoad({
      baseUrl: server.url,
      databaseUrl: db.url,
      writers: 20,
      readers: 40,
      seconds: SECONDS,
    });
    console.log('load', JSON.stringify(summarise(result, SECONDS)), result.reconciliation);
    expect(result.acknowledgedCreates).toBeGreaterThan(20);
    expect(result.reconciliation.lostOrDuplicated).toEqual([]);
    expect(result.reconciliation.unacknowledgedPresent).toEqual([]);
    expect(result.reconciliation.submitsNotApplied).toEqual([]);
    expect(result.records.filter((r) => r.status >= 500 || r.status === 0)).toEqual([]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /lantu_http_request_duration_seconds_bucket\{method="POST",route="\/api\/observations",status="2xx",le="0.1"\} \d+/,
    );
    expect(metrics).toMatch(/lantu_db_pool_total \d+/);
  });

  it.runIf(RESTART)(
    'PostgreSQL restart mid-run: 503 + Retry-After while down, reconnects by itself, reconciliation holds',
    async () => {
      const seconds = Math.max(SECONDS, 15);
      const result: LoadResult = await runLoad({
        baseUrl: server.url,
        databaseUrl: db.url,
        writers: 20,
        readers: 40,
        seconds,
        fault: {
          atSecond: seconds / 3,
          run: async () => {
            await pgctl('stop');
            await new Promise((r) => setTimeout(r, 3_000));
            await pgctl('start');
          },
        },
      });
      console.log(
        'restart',
        JSON.stringify(summarise(result, seconds)),
        result.reconciliation,
        result.faultWindow,
      );
      expect(server.child.exitCode, 'the app survived the outage').toBeNull();
      const w = result.faultWindow!;
      expect(w).not.toBeNull();
      const during = result.records.filter((r) => r.at >= w.from && r.at <= w.to);
      const unavailable = during.filter((r) => r.status === 503);
      expect(unavailable.length, 'some requests met the outage').toBeGreaterThan(0);
      expect(
        unavailable.every((r) => r.retryAfter !== null),
        '503 carries Retry-After',
      ).toBe(true);
      expect(
        result.records.filter((r) => r.status === 500),
        'no 500 at any time',
      ).toEqual([]);
      // reconnected by itself: writes and reads succeed again after the outage
      const after = result.records.filter((r) => r.at > w.to + 2_000);
      expect(after.filter((r) => r.kind === 'create' && r.status === 201).length).toBeGreaterThan(0);
      expect(after.filter((r) => r.kind === 'read' && r.status === 200).length).toBeGreaterThan(0);
      expect(result.reconciliation.lostOrDuplicated).toEqual([]);
      expect(result.reconciliation.unacknowledgedPresent).toEqual([]);
      expect(result.reconciliation.submitsNotApplied).toEqual([]);
    },
  );
});
