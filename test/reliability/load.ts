import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';

/**
 * Load harness shared by test/reliability (short, CI) and bench/load.bench.ts (long, by hand): department users
 * creating and submitting values while public readers browse, every request recorded, then a reconciliation
 * against the database. Loopback only; every loop is bounded by count and by a deadline.
 */
export interface LoadOptions {
  baseUrl: string;
  /** The database the app writes (for users and the reconciliation). */
  databaseUrl: string;
  writers: number;
  readers: number;
  seconds: number;
  /** Runs once, `atSecond` after the start (fault injection). */
  fault?: { atSecond: number; run: () => Promise<void> };
}

export interface RequestRecord {
  kind: 'create' | 'submit' | 'read';
  status: number; // 0 = network error / timeout
  retryAfter: string | null;
  ms: number;
  at: number; // ms since start
}

export interface LoadResult {
  records: RequestRecord[];
  acknowledgedCreates: number;
  acknowledgedSubmits: number;
  reconciliation: {
    /** acknowledged creates not in the database exactly once */
    lostOrDuplicated: string[];
    /** rows in the database whose create was answered with an error (a half-write) */
    unacknowledgedPresent: string[];
    /** creates whose request failed on the network: may or may not have committed (reported, not counted) */
    ambiguous: number;
    /** acknowledged submits whose row is not submitted */
    submitsNotApplied: string[];
  };
  faultWindow: { from: number; to: number } | null;
}

interface Writer {
  cookie: string;
  csrf: string;
  slots: { indicatorId: string; period: string; value: number }[];
}

const REQUEST_TIMEOUT_MS = 10_000;

async function timed(
  url: string,
  init: RequestInit,
): Promise<{ status: number; retryAfter: string | null; body: string; ms: number }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body,
      ms: performance.now() - started,
    };
  } catch {
    return { status: 0, retryAfter: null, body: '', ms: performance.now() - started };
  }
}

function periodsOf(frequency: string): string[] {
  const out: string[] = [];
  for (let y = 2021; y <= 2025; y++) {
    out.push(String(y));
    for (let q = 1; q <= 4; q++) out.push(`${y}Q${q}`);
    for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  // an indicator's own frequency first: those are the periods its department really reports
  const own = frequency === 'monthly' ? /-/ : frequency === 'quarterly' ? /Q/ : /^\d{4}$/;
  return [...out.filter((p) => own.test(p)), ...out.filter((p) => !own.test(p))];
}

/** Creates `n` department users spread over the departments that lead indicators, each with its own slots. */
export async function prepareWriters(
  baseUrl: string,
  databaseUrl: string,
  n: number,
  runId: string,
): Promise<Writer[]> {
  const db = openPostgres({ connectionString: databaseUrl, max: 4 });
  try {
    const rows = await db.query<{ id: string; code: string; frequency: string; v: number | null }>(
      `SELECT i.id, d.code, i.frequency, COALESCE(i.baseline_value, i.target_value) AS v
         FROM indicators i
         JOIN plans p ON p.id = i.plan_id AND p.key = 'sip-14th'
         JOIN assignments a ON a.indicator_id = i.id AND a.role = 'lead'
         JOIN departments d ON d.id = a.department_id
        ORDER BY d.code, i.position`,
    );
    const byDept = new Map<string, typeof rows>();
    for (const r of rows) byDept.set(r.code, [...(byDept.get(r.code) ?? []), r]);
    const depts = [...byDept.keys()];
    if (depts.length === 0) throw new Error('no indicator has a lead department');
    const writers: Writer[] = [];
    const perDept = new Map<string, number>();
    const deptOf = (i: number) => depts[i % depts.length]!;
    for (let i = 0; i < n; i++) perDept.set(deptOf(i), (perDept.get(deptOf(i)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const dept = deptOf(i);
      const k = seen.get(dept) ?? 0;
      seen.set(dept, k + 1);
      const email = `load-${runId}-${i}@test.example`;
      await createUser(
        db,
        { email, password: 'load test password', role: 'department', departments: [dept] },
        { id: null, label: 'load' },
      );
      const slots: Writer['slots'] = [];
      const total = perDept.get(dept)!;
      let s = 0;
      for (const ind of byDept.get(dept)!) {
        for (const period of periodsOf(ind.frequency)) {
          if (s++ % total === k) slots.push({ indicatorId: ind.id, period, value: ind.v ?? 1 });
        }
      }
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'load test password' }),
      });
      if (res.status !== 200) throw new Error(`login ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      writers.push({ cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken, slots });
    }
    return writers;
  } finally {
    await db.close();
  }
}

const READ_PATHS = [
  '/api/public/indicators',
  '/api/plans',
  '/public',
  '/api/public/projects',
  '/api/public/evaluations/latest',
];

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const runId = randomBytes(4).toString('hex');
  const writers = await prepareWriters(opts.baseUrl, opts.databaseUrl, opts.writers, runId);
  const records: RequestRecord[] = [];
  const creates = new Map<string, { status: number; id: string | null }>();
  const submits = new Map<string, number>(); // observation id → status
  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const now = () => performance.now() - t0;
  let faultWindow: LoadResult['faultWindow'] = null;
  const fault = opts.fault
    ? (async () => {
        await new Promise((r) => setTimeout(r, opts.fault!.atSecond * 1000));
        const from = now();
        await opts.fault!.run();
        faultWindow = { from, to: now() };
      })()
    : Promise.resolve();

  const writerLoop = async (w: Writer, wi: number) => {
    for (let s = 0; s < w.slots.length && performance.now() < deadline; s++) {
      const slot = w.slots[s]!;
      const token = `load-${runId}-${wi}-${s}`;
      const headers = { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' };
      const at = now();
      const r = await timed(`${opts.baseUrl}/api/observations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          indicatorId: slot.indicatorId,
          period: slot.period,
          value: slot.value,
          note: token,
        }),
      });
      records.push({ kind: 'create', status: r.status, retryAfter: r.retryAfter, ms: r.ms, at });
      let id: string | null = null;
      if (r.status === 201) id = (JSON.parse(r.body) as { observation: { id: string } }).observation.id;
      creates.set(token, { status: r.status, id });
      if (r.status === 503) await new Promise((res) => setTimeout(res, 200)); // a polite client backs off
      if (!id || performance.now() >= deadline) continue;
      const at2 = now();
      const sub = await timed(`${opts.baseUrl}/api/observations/${id}/submit`, { method: 'POST', headers });
      records.push({ kind: 'submit', status: sub.status, retryAfter: sub.retryAfter, ms: sub.ms, at: at2 });
      submits.set(id, sub.status);
    }
  };
  const readerLoop = async (ri: number) => {
    for (let k = 0; k < 1_000_000 && performance.now() < deadline; k++) {
      const path = READ_PATHS[(ri + k) % READ_PATHS.length]!;
      const at = now();
      const r = await timed(`${opts.baseUrl}${path}`, {});
      records.push({ kind: 'read', status: r.status, retryAfter: r.retryAfter, ms: r.ms, at });
      if (r.status === 503 || r.status === 0) await new Promise((res) => setTimeout(res, 200));
    }
  };
  await Promise.all([
    ...writers.map((w, i) => writerLoop(w, i)),
    ...Array.from({ length: opts.readers }, (_, i) => readerLoop(i)),
    fault,
  ]);

  // Reconciliation against the database.
  const db = openPostgres({ connectionString: opts.databaseUrl, max: 2 });
  try {
    const rows = await db.query<{ id: string; note: string; status: string }>(
      `SELECT id, note, status FROM observations WHERE note LIKE $1`,
      [`load-${runId}-%`],
    );
    const byToken = new Map<string, { id: string; status: string }[]>();
    for (const r of rows) byToken.set(r.note, [...(byToken.get(r.note) ?? []), r]);
    const lostOrDuplicated: string[] = [];
    const unacknowledgedPresent: string[] = [];
    const submitsNotApplied: string[] = [];
    let ambiguous = 0;
    for (const [token, c] of creates) {
      const found = byToken.get(token) ?? [];
      if (c.status === 201) {
        if (found.length !== 1 || found[0]!.id !== c.id) lostOrDuplicated.push(token);
      } else if (c.status === 0) ambiguous++;
      else if (found.length > 0) unacknowledgedPresent.push(token);
    }
    const statusById = new Map(rows.map((r) => [r.id, r.status]));
    for (const [id, status] of submits)
      if (status === 200 && statusById.get(id) !== 'submitted') submitsNotApplied.push(id);
    return {
      records,
      acknowledgedCreates: [...creates.values()].filter((c) => c.status === 201).length,
      acknowledgedSubmits: [...submits.values()].filter((s) => s === 200).length,
      reconciliation: { lostOrDuplicated, unacknowledgedPresent, ambiguous, submitsNotApplied },
      faultWindow,
    };
  } finally {
    await db.close();
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(result: LoadResult, seconds: number) {
  const by = (kind: RequestRecord['kind']) => result.records.filter((r) => r.kind === kind);
  const line = (kind: RequestRecord['kind']) => {
    const rs = by(kind);
    const statuses: Record<string, number> = {};
    for (const r of rs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const ok = rs.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.ms);
    return {
      requests: rs.length,
      perSecond: Math.round(rs.length / seconds),
      p50: Math.round(percentile(ok, 50)),
      p95: Math.round(percentile(ok, 95)),
      p99: Math.round(percentile(ok, 99)),
      statuses,
    };
  };
  return { create: line('create'), submit: line('submit'), read: line('read') };
}

/** A fresh PostgreSQL database for a run; `drop` removes it. */
export async function scratchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres({ connectionString: baseUrl, max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.close();
    },
  };
}
