/**
 * Mixed load on PostgreSQL: department users creating and submitting values while public readers browse the
 * portal and the open-data API, then a reconciliation (every acknowledged write in the database exactly once,
 * no unacknowledged row). Optionally restarts PostgreSQL in the middle (--restart; disturbs anything else using
 * the cluster). Loopback only.
 *
 *   npx tsx bench/load.bench.ts [--writers 100] [--readers 500] [--seconds 60] [--restart]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default) — a scratch database is created and dropped
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startServe } from '../test/support/cli.ts';
import { runLoad, scratchDatabase, summarise } from '../test/reliability/load.ts';
import { arg, BENCH_DATABASE_BASE as BASE } from './kit.ts';

const WRITERS = arg('writers', 100);
const READERS = arg('readers', 500);
const SECONDS = arg('seconds', 60);
const RESTART = process.argv.includes('--restart');

const pgctl = (action: string) => {
  const version = readdirSync('/etc/postgresql').sort().at(-1)!;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], {
    stdio: 'inherit',
    timeout: 60_000,
  });
};

const scratch = await scratchDatabase(BASE, 'lantu_load');
const server = await startServe({ DATABASE_URL: scratch.url, LOG_LEVEL: 'error' });
try {
  console.log(
    `load: ${WRITERS} writers + ${READERS} readers for ${SECONDS} s against ${server.url}${RESTART ? ' (PostgreSQL restart at 1/3)' : ''}`,
  );
  const result = await runLoad({
    baseUrl: server.url,
    databaseUrl: scratch.url,
    writers: WRITERS,
    readers: READERS,
    seconds: SECONDS,
    ...(RESTART
      ? {
          fault: {
            atSecond: SECONDS / 3,
            run: async () => {
              pgctl('stop');
              await new Promise((r) => setTimeout(r, 5_000));
              pgctl('start');
            },
          },
        }
      : {}),
  });
  const summary = summarise(result, SECONDS);
  console.table(
    Object.entries(summary).map(([kind, s]) => ({
      kind,
      requests: s.requests,
      'req/s': s.perSecond,
      p50: s.p50,
      p95: s.p95,
      p99: s.p99,
      statuses: JSON.stringify(s.statuses),
    })),
  );
  console.log('acknowledged creates', result.acknowledgedCreates, 'submits', result.acknowledgedSubmits);
  console.log('reconciliation', {
    lostOrDuplicated: result.reconciliation.lostOrDuplicated.length,
    unacknowledgedPresent: result.reconciliation.unacknowledgedPresent.length,
    submitsNotApplied: result.reconciliation.submitsNotApplied.length,
    ambiguousNetworkErrors: result.reconciliation.ambiguous,
  });
  if (result.faultWindow) {
    const w = result.faultWindow;
    const during = result.records.filter((r) => r.at >= w.from && r.at <= w.to);
    const firstOk = result.records
      .filter((r) => r.at > w.to && r.status >= 200 && r.status < 300)
      .sort((a, b) => a.at - b.at)[0];
    console.log('outage', {
      seconds: ((w.to - w.from) / 1000).toFixed(1),
      during: during.length,
      '503': during.filter((r) => r.status === 503).length,
      withRetryAfter: during.filter((r) => r.status === 503 && r.retryAfter).length,
      '500': result.records.filter((r) => r.status === 500).length,
      firstSuccessAfterMs: firstOk ? Math.round(firstOk.at - w.to) : null,
    });
  }
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  console.log(
    metrics
      .split('\n')
      .filter((l) =>
        /^lantu_db_pool|lantu_db_unavailable|_count\{method="POST",route="\/api\/observations"/.test(l),
      )
      .join('\n'),
  );
  const rec = result.reconciliation;
  if (rec.lostOrDuplicated.length + rec.unacknowledgedPresent.length + rec.submitsNotApplied.length > 0)
    process.exitCode = 1;
} finally {
  await server.stop();
  await scratch.drop();
}
