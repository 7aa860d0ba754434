import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, startServe } from '../test/support/cli.ts';
import {
  farCellWorkbook,
  hugeOutline,
  largeDocx,
  pdfOutline,
  sixtyMegabytes,
} from '../test/support/stall-inputs.ts';

/**
 * Where the server's event loop runs lantu's code for long (issue 12, Done-when 2). `lantu serve` (PGlite, a
 * child process) gets each input of the parse-stall test one at a time, with test/support/loop-watch.mjs
 * preloaded: every stretch of over 50 ms of CPU on the loop thread without returning to its timers is listed
 * under the request in flight. `--profile` also takes a CPU profile of the main thread (`--cpu-prof`) and names
 * the functions that ran in each stretch (self time, the frames of lantu's sources first).
 *
 *   npx tsx bench/loop-stalls.bench.ts [--profile] [--perf FILE] [--only saved.docx]   (LOOP_WATCH_MIN_MS=20: a lower bar)
 */
const profile = process.argv.includes('--profile');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const WATCH = fileURLToPath(new URL('../test/support/loop-watch.mjs', import.meta.url));
const SIP_PDF = resolve(import.meta.dirname, '../../shared/plans/sip-14th-fyp-outline.pdf');
const ADMIN = { email: 'admin@stall.example', password: 'stall bench password' };

interface Stall {
  at: number;
  hr: number;
  cpu: number;
  wait: number;
  wall: number;
}

const dir = mkdtempSync(join(tmpdir(), 'lantu-loop-'));
const watchFile = join(dir, 'stalls.jsonl');
const profDir = join(dir, 'prof');
const env = {
  LANTU_DATA_DIR: join(dir, 'data'),
  LOOP_WATCH_FILE: watchFile,
  LOOP_WATCH_MIN_MS: process.env.LOOP_WATCH_MIN_MS ?? '50',
};
const made = await runCli(
  ['user', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin'],
  env,
);
if (made.code !== 0) throw new Error(made.stderr);
const server = await startServe(env, [
  '--import',
  WATCH,
  ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
  ...(process.argv.includes('--perf') ? ['--perf-basic-prof'] : []),
]);
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(ADMIN),
});
const headers = {
  cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
  'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
};

const upload = (bytes: Uint8Array, name: string) => {
  const body = new FormData();
  body.set('file', new File([bytes], name));
  return fetch(`${server.url}/api/uploads`, { method: 'POST', headers, body });
};
const importPlan = (bytes: Uint8Array, filename: string, save = false) =>
  fetch(
    `${server.url}/api/plans/import?filename=${encodeURIComponent(filename)}${save ? '&preview=false' : ''}`,
    { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: bytes },
  );

const [farCell, docx] = await Promise.all([farCellWorkbook(), largeDocx()]);
const sixty = sixtyMegabytes();
const steps: [string, () => Promise<Response>][] = [
  ['warm-up far-cell.xlsx', () => upload(farCell, 'warm.xlsx')],
  ['far-cell.xlsx', () => upload(farCell, 'far.xlsx')],
  ['upload sixty.xlsx', () => upload(sixty, 'sixty.xlsx')],
  ['import sixty.docx', () => importPlan(sixty, 'sixty.docx')],
  ['huge.txt', () => importPlan(hugeOutline(), 'huge.txt')],
  ['large.docx (preview)', () => importPlan(docx, 'large.docx')],
  ['saved.docx', () => importPlan(docx, 'saved.docx', true)],
  ['written.pdf', () => importPlan(pdfOutline(), 'written.pdf')],
  ...(existsSync(SIP_PDF)
    ? [
        ['sip.pdf', () => importPlan(new Uint8Array(readFileSync(SIP_PDF)), 'sip.pdf')] as [
          string,
          () => Promise<Response>,
        ],
      ]
    : []),
];
// --perf FILE: `perf record` of the loop thread during the steps (native frames the V8 profile calls idle).
const perfOut = process.argv.includes('--perf') ? process.argv[process.argv.indexOf('--perf') + 1] : null;
const perf = perfOut
  ? spawn(
      'perf',
      ['record', '-F', '997', '-g', '-k', 'CLOCK_MONOTONIC', '-t', String(server.child.pid), '-o', perfOut],
      {
        stdio: 'ignore',
      },
    )
  : null;
if (perf) await new Promise((res) => setTimeout(res, 1000));
const spans: { name: string; start: number; end: number; status: number }[] = [];
for (const [name, send] of steps) {
  if (only && !name.includes(only) && !name.startsWith('warm')) continue;
  const start = Date.now();
  const r = await send().catch(() => null);
  await r?.arrayBuffer();
  spans.push({ name, start, end: Date.now(), status: r?.status ?? 0 });
  await new Promise((res) => setTimeout(res, 300));
}
if (perf) {
  perf.kill('SIGINT');
  await new Promise((res) => perf.once('close', res));
}
await server.stop();

const stalls: Stall[] = existsSync(watchFile)
  ? readFileSync(watchFile, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Stall)
  : [];

interface ProfNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}
const prof: Profile | null = profile
  ? (JSON.parse(
      readFileSync(
        join(
          profDir,
          readdirSync(profDir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))!,
        ),
        'utf8',
      ),
    ) as Profile)
  : null;

/** Self time per frame, and per lantu frame on the stack (inclusive), within [from, to) µs. */
function frames(p: Profile, from: number, to: number): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const lantu = new Map<string, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i]!;
    if (t < from || t >= to) return;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const name = (n: ProfNode) =>
      `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    const leaf = byId.get(id)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!n.callFrame.url.includes('/src/')) continue;
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      lantu.set(k, (lantu.get(k) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, ms]) => `      ${Math.round(ms)} ms ${f}`)
      .join('\n');
  return `    self:\n${top(self, 6)}\n    lantu frames (inclusive):\n${top(lantu, 8)}`;
}

for (const s of spans) {
  const mine = stalls.filter((x) => x.at >= s.start && x.at < s.end + 300);
  console.log(
    `${s.name}: ${s.status} in ${s.end - s.start} ms; ${mine.length} stretches ≥ ${env.LOOP_WATCH_MIN_MS} ms of loop CPU` +
      (mine.length ? ` (max ${Math.max(...mine.map((x) => x.cpu))} ms)` : ''),
  );
  for (const x of mine) {
    console.log(`  +${x.at - s.start} ms: ${x.cpu} ms on CPU, ${x.wait} ms waiting, ${x.wall} ms wall`);
    if (prof) console.log(frames(prof, x.hr, x.hr + x.wall * 1000));
  }
}
writeFileSync(`${perfOut ?? '/tmp/h12'}.stalls.json`, JSON.stringify(stalls));
rmSync(dir, { recursive: true, force: true });
