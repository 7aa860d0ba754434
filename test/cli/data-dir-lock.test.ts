import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, SERVE_RUNNING_MESSAGE } from '../../src/db/data-dir-lock.ts';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { runCli, startServe } from '../support/cli.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 5 })));

async function login(url: string, email: string, password: string): Promise<number> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return r.status;
}

/** The shell words of a one-line command, single quotes honoured (enough for the README's commands). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const SLOW = { timeout: 600_000 }; // each starts lantu serve, on a shared machine
const ADMIN = ['user', 'create', '--email', 'office@lock.example', '--password', 'a long secret', '--role'];

describe('one process on an embedded data directory (issue 12, break 12)', () => {
  it('the README first-run steps work in the order written on a fresh data directory', SLOW, async () => {
    const section = README.slice(README.indexOf('### First run'));
    const steps = section.slice(0, section.indexOf('\n## ')).split(/\n(?=\d+\. )/);
    // 1. stop the server (none runs here) · 2. create the admin · 3. npm start · 4. log in
    const create = /`(npx lantu user create [^`]+)`/.exec(steps.find((s) => s.startsWith('2.')) ?? '')?.[1];
    expect(create).toBeDefined();
    expect(steps.find((s) => s.startsWith('3.'))).toContain('`npm start`');
    expect(steps.find((s) => s.startsWith('4.'))).toContain('Log in');
    const argv = words(create!).slice(2); // without `npx lantu`
    const email = argv[argv.indexOf('--email') + 1]!;
    const password = argv[argv.indexOf('--password') + 1]!;

    const dir = freshDir();
    const created = await runCli(argv, { LANTU_DATA_DIR: dir });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const server = await startServe({ LANTU_DATA_DIR: dir }); // what `npm start` runs
    try {
      expect(await login(server.url, email, password)).toBe(200);
      const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as { items: { key: string }[] };
      expect(plans.items.map((p) => p.key)).toContain('sip-14th'); // seeded though a user came first
    } finally {
      await server.stop();
    }
  });

  it(
    'while lantu serve runs, commands on its data directory are refused with one line and write nothing',
    SLOW,
    async () => {
      const dir = freshDir();
      const plan = join(dir, '..', `lock-plan-${process.pid}.txt`);
      writeFileSync(
        plan,
        '示例市规划纲要（2021—2025年）\n第一篇 总体要求\n第一章 发展基础\n一、主要目标\n地区生产总值年均增长6%左右。\n',
      );
      dirs.push(plan);
      const server = await startServe({ LANTU_DATA_DIR: dir });
      try {
        const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; kind: string };
        expect(lock).toMatchObject({ pid: server.child.pid, kind: 'serve' });
        for (const args of [
          [...ADMIN, 'admin'],
          ['db', 'seed', '--new-version'],
          ['db', 'migrate'],
          ['import', plan, '--no-progress'],
          ['restore', join(dir, 'nothing.jsonl.gz')],
          ['backup', '--out', join(dir, 'b.jsonl.gz')],
          ['serve'],
        ]) {
          const r = await runCli(args, { LANTU_DATA_DIR: dir, PORT: '0' });
          expect({ args, code: r.code }).toEqual({ args, code: 5 });
          expect(r.stderr.split('\n').filter(Boolean)).toEqual([
            expect.stringContaining(`lantu: ${SERVE_RUNNING_MESSAGE.zh} / ${SERVE_RUNNING_MESSAGE.en}`),
          ]);
          expect(r.stdout).not.toMatch(/created|saved|loaded|restored|written|running at/);
        }
        expect(existsSync(join(dir, 'b.jsonl.gz'))).toBe(false);
        // the server never got a user, and still answers
        expect(await login(server.url, 'office@lock.example', 'a long secret')).toBe(401);
        const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as { items: unknown[] };
        expect(plans.items).toHaveLength(2); // no plan imported or seeded beside it
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // released on a clean stop
      const after = await runCli([...ADMIN, 'admin'], { LANTU_DATA_DIR: dir });
      expect(after.code).toBe(0);
    },
  );

  it('a lock left by a killed server is stale: the next command takes the directory', SLOW, async () => {
    const dir = freshDir();
    const server = await startServe({ LANTU_DATA_DIR: dir });
    const closed = new Promise((done) => server.child.once('close', done));
    server.child.kill('SIGKILL');
    await closed;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // kill -9 leaves it behind
    const r = await runCli([...ADMIN, 'admin'], { LANTU_DATA_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await startServe({ LANTU_DATA_DIR: dir });
    try {
      expect(await login(again.url, 'office@lock.example', 'a long secret')).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL the server and a command run at once, and the server sees the new user',
    SLOW,
    async () => {
      const base = process.env.TEST_DATABASE_URL!;
      const schema = `lantu_lock_${randomBytes(5).toString('hex')}`;
      const admin = openPostgres({ connectionString: base, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const url = new URL(base);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const env = { DATABASE_URL: url.toString(), LANTU_DATA_DIR: freshDir() };
      try {
        const server = await startServe(env);
        try {
          const r = await runCli([...ADMIN, 'admin'], env);
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          expect(await login(server.url, 'office@lock.example', 'a long secret')).toBe(200);
        } finally {
          await server.stop();
        }
      } finally {
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    },
  );
});
