/**
 * Public API throughput: autocannon, 64 connections, 10 s, against GET /api/public/indicators on a real lantu
 * server and — in the same run — a plain node:http server returning the same bytes. Each server runs in its own
 * process; the two are measured alternately and the median of --runs rounds is reported.
 *
 *   npx tsx bench/public-api.bench.ts [--runs 3] [--seconds 10] [--connections 64]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx bench/public-api.bench.ts   # on PostgreSQL
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServe } from '../test/support/cli.ts';
import { arg } from './kit.ts';

const RUNS = arg('runs', 3);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 64);
const PATH = '/api/public/indicators';

interface Round {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Round> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

function staticServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  // The same bytes and headers lantu sends, from a bare node:http server.
  const code = `const http=require('http');const fs=require('fs');const body=fs.readFileSync(${JSON.stringify(file)});
const s=http.createServer((q,r)=>{r.writeHead(200,{'content-type':'application/json; charset=utf-8','etag':'"x"','cache-control':'public, max-age=30'});r.end(body);});
s.listen(0,'127.0.0.1',()=>console.log('port '+s.address().port));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', (d: Buffer) => {
      const port = /port (\d+)/.exec(d.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}${PATH}`, child });
      else reject(new Error(d.toString()));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-bench-'));
  const env: NodeJS.ProcessEnv = {
    LOG_LEVEL: 'silent',
    ...(process.env.DATABASE_URL ? {} : { LANTU_DATA_DIR: join(dir, 'data') }),
  };
  const lantu = await startServe(env);
  const body = Buffer.from(await (await fetch(`${lantu.url}${PATH}`)).arrayBuffer());
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const plain = await staticServer(file);
  const rounds: { lantu: Round; plain: Round }[] = [];
  try {
    await load(`${lantu.url}${PATH}`); // warm-up: caches filled, JIT warm
    for (let i = 0; i < RUNS; i++) {
      const p = await load(plain.url);
      const l = await load(`${lantu.url}${PATH}`);
      rounds.push({ lantu: l, plain: p });
      console.log(
        `round ${i + 1}: lantu ${l.rps.toFixed(0)} req/s p99 ${l.p99} ms | plain ${p.rps.toFixed(0)} req/s p99 ${p.p99} ms`,
      );
    }
  } finally {
    plain.child.kill();
    await lantu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const l = median(rounds.map((r) => r.lantu.rps));
  const p = median(rounds.map((r) => r.plain.rps));
  const lp99 = median(rounds.map((r) => r.lantu.p99));
  const pp99 = median(rounds.map((r) => r.plain.p99));
  const bad = rounds.reduce((n, r) => n + r.lantu.errors + r.lantu.non2xx, 0);
  console.log(
    `\n${PATH} (${body.length} bytes), ${CONNECTIONS} connections, ${SECONDS} s, median of ${RUNS} rounds, db ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`,
  );
  console.log(
    `| server | req/s | p99 (ms) |\n|---|---|---|\n| lantu | ${l.toFixed(0)} | ${lp99} |\n| plain node:http, same bytes | ${p.toFixed(0)} | ${pp99} |`,
  );
  console.log(
    `ratio lantu / plain = ${(l / p).toFixed(2)} (goal ≥ 0.6); lantu p99 ${lp99} ms (goal ≤ 25 ms); errors+non-2xx ${bad}`,
  );
}

await main();
