/**
 * Scale on PostgreSQL: 10 plans × 500 indicators × 20 regions × 60 months = 6,000,000 regional observations
 * (plus whole-area annual values, which are what evaluation reads), generated with INSERT … SELECT
 * generate_series; then the dashboard and evaluation API latencies (p50/p95/p99 over a fixed time with a few
 * concurrent clients) and the time of an evaluation snapshot of a whole plan.
 *
 *   npx tsx bench/scale.bench.ts [--plans 10] [--indicators 500] [--regions 20] [--months 60] [--seconds 10] [--keep]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default); a scratch database is created (and
 *   dropped unless --keep).
 */
import { openPostgres } from '../src/db/postgres.driver.ts';
import { createUser } from '../src/server/modules/users/users.service.ts';
import { runCli, startServe } from '../test/support/cli.ts';
import { percentile, scratchDatabase } from '../test/reliability/load.ts';
import { arg, BENCH_DATABASE_BASE as BASE } from './kit.ts';

const PLANS = arg('plans', 10);
const INDICATORS = arg('indicators', 500);
const REGIONS = arg('regions', 20);
const MONTHS = arg('months', 60);
const SECONDS = arg('seconds', 10);
const CLIENTS = arg('clients', 4);

const t = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await f();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
};

const scratch = await scratchDatabase(BASE, 'lantu_scale');
const db = openPostgres({ connectionString: scratch.url, max: 2 });
try {
  await t('migrate + seed', async () => {
    const r = await runCli(['db', 'seed'], { DATABASE_URL: scratch.url });
    if (r.code !== 0) throw new Error(r.stderr);
  });
  await t(`generate ${PLANS} plans × ${INDICATORS} indicators, ${REGIONS} regions`, async () => {
    await db.query(
      `INSERT INTO spatial_units (code, name, kind) SELECT 'SCALE-R' || r, '区域' || r, 'district' FROM generate_series(1, $1::int) r`,
      [REGIONS],
    );
    await db.query(
      `INSERT INTO plans (key, version, title, short_title, issuer, period_start, period_end, vision_year)
       SELECT 'scale-' || k, 1, title || '（规模测试 ' || k || '）', short_title, issuer, period_start, period_end, vision_year
         FROM plans, generate_series(1, $1::int) k WHERE key = 'sip-14th'`,
      [PLANS],
    );
    // each plan gets INDICATORS copies of the SIP indicators (numeric ones with baseline and target), renumbered
    await db.query(
      `INSERT INTO indicators (plan_id, code, position, name, unit, category, attribute, kind, direction, baseline_year,
              baseline_value, baseline, target_year, target_value, target, tolerance, frequency, data_source, origin, kind_rule)
       SELECT p.id, s.code || '-' || g, row_number() OVER (PARTITION BY p.id ORDER BY g, s.position), s.name || '（' || g || '）',
              s.unit, s.category, s.attribute, s.kind, s.direction, s.baseline_year, s.baseline_value, s.baseline, s.target_year,
              s.target_value, s.target, s.tolerance, s.frequency, s.data_source, s.origin, s.kind_rule
         FROM plans p
         CROSS JOIN generate_series(0, 99) g
         JOIN LATERAL (SELECT i.* FROM indicators i JOIN plans sp ON sp.id = i.plan_id AND sp.key = 'sip-14th'
                        WHERE i.baseline_value IS NOT NULL AND i.target_value IS NOT NULL AND i.related_code IS NULL) s ON true
        WHERE p.key LIKE 'scale-%'`,
    );
    await db.query(
      `DELETE FROM indicators i USING plans p WHERE p.id = i.plan_id AND p.key LIKE 'scale-%' AND i.position > $1`,
      [INDICATORS],
    );
  });
  const plans = await db.query<{ id: string; key: string }>(
    `SELECT id, key FROM plans WHERE key LIKE 'scale-%' ORDER BY key`,
  );
  for (const p of plans) {
    await t(`  ${p.key}: ${INDICATORS * REGIONS * MONTHS} regional monthly observations`, () =>
      db.query(
        `INSERT INTO observations (indicator_id, period, year, region_id, kind, value, status, version, approved_at)
         SELECT i.id, to_char(date '2021-01-01' + make_interval(months => m), 'YYYY-MM'), 2021 + m / 12, r.id, 'actual',
                i.baseline_value * (1 + 0.001 * m) / $2::int, 'approved', 1, now()
           FROM indicators i
           CROSS JOIN (SELECT id FROM spatial_units WHERE code LIKE 'SCALE-R%') r
           CROSS JOIN generate_series(0, $3::int - 1) m
          WHERE i.plan_id = $1`,
        [p.id, REGIONS, MONTHS],
      ),
    );
  }
  await t('whole-area annual values (what evaluation reads)', () =>
    db.query(
      `INSERT INTO observations (indicator_id, period, year, kind, value, status, version, approved_at)
       SELECT i.id, y::text, y, 'actual',
              i.baseline_value + (i.target_value - i.baseline_value) * (y - i.baseline_year)::float8
                                 / GREATEST(i.target_year - i.baseline_year, 1) * (0.9 + 0.2 * random()),
              'approved', 1, now()
         FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.key LIKE 'scale-%'
         CROSS JOIN generate_series(2021, 2024) y`,
    ),
  );
  await t('ANALYZE', () => db.query('ANALYZE'));
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations')) as [
    { n: number },
  ];
  const [{ size }] = (await db.query<{ size: string }>(
    'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
  )) as [{ size: string }];
  console.log(`observations: ${n.toLocaleString('en')} rows; database ${size}`);

  await createUser(
    db,
    { email: 'office@scale.example', password: 'scale bench password', role: 'admin' },
    { id: null, label: 'bench' },
  );
  const server = await startServe({ DATABASE_URL: scratch.url, LOG_LEVEL: 'error' });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'office@scale.example', password: 'scale bench password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const plan = plans[0]!;
    const measure = async (label: string, path: string) => {
      const lat: number[] = [];
      const errors: number[] = [];
      const deadline = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let k = 0; k < 100_000 && performance.now() < deadline; k++) {
            const t0 = performance.now();
            const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
            await r.arrayBuffer();
            if (r.status !== 200) errors.push(r.status);
            lat.push(performance.now() - t0);
          }
        }),
      );
      return {
        endpoint: label,
        requests: lat.length,
        errors: errors.length,
        p50: +percentile(lat, 50).toFixed(1),
        p95: +percentile(lat, 95).toFixed(1),
        p99: +percentile(lat, 99).toFixed(1),
        goal: 150,
      };
    };
    const rows = [];
    for (const [label, path] of [
      [
        'evaluation (dashboard), time, scope=all',
        `/api/plans/${plan.id}/evaluation?year=2024&method=time&scope=all`,
      ],
      ['evaluation, trend, scope=all', `/api/plans/${plan.id}/evaluation?year=2024&method=trend&scope=all`],
      ['indicators (dashboard)', `/api/plans/${plan.id}/indicators`],
      ['plans list', '/api/plans'],
    ] as const)
      rows.push(await measure(label, path));
    console.table(rows);
    const snaps: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/evaluations`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ planId: plan.id, year: 2024, kind: 'annual', scope: 'all' }),
      });
      await r.arrayBuffer();
      if (r.status !== 201) throw new Error(`snapshot ${r.status}`);
      snaps.push(performance.now() - t0);
    }
    console.log(
      `evaluation snapshot of a whole plan (${INDICATORS} indicators, scope=all): ${snaps.map((s) => `${(s / 1000).toFixed(2)} s`).join(', ')} (goal ≤ 5 s)`,
    );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    console.log(
      metrics
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('lantu_evaluation_duration_seconds_sum') ||
            l.startsWith('lantu_evaluation_duration_seconds_count'),
        )
        .join('\n'),
    );
  } finally {
    await server.stop();
  }
} finally {
  await db.close();
  if (!process.argv.includes('--keep')) await scratch.drop();
  else console.log(`kept ${scratch.url}`);
}
