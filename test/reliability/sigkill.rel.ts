import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import type { Db } from '../../src/db/db.types.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import { LANTU_BIN, runCli, startServe } from '../support/cli.ts';
import { SIP_OUTLINE_PATH } from '../importers/support.ts';
import { scratchDatabase } from './load.ts';

const PG = process.env.TEST_DATABASE_URL;

/** Runs `lantu` and SIGKILLs it after `ms` (or lets it finish first). Resolves with how it ended. */
function killAfter(
  args: string[],
  env: NodeJS.ProcessEnv,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LANTU_BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

async function counts(db: Db, key: string) {
  const rows = await db.query<{ plans: number; nodes: number; indicators: number }>(
    `SELECT (SELECT count(*)::int FROM plans WHERE key = $1) AS plans,
            (SELECT count(*)::int FROM plan_nodes n JOIN plans p ON p.id = n.plan_id WHERE p.key = $1) AS nodes,
            (SELECT count(*)::int FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.key = $1) AS indicators`,
    [key],
  );
  return rows[0]!;
}

describe.runIf(PG && existsSync(SIP_OUTLINE_PATH))(
  'SIGKILL during writes: all or nothing after restart',
  () => {
    let scratch: { url: string; drop: () => Promise<void> };
    let db: Db;
    beforeAll(async () => {
      scratch = await scratchDatabase(PG!, 'lantu_kill');
      expect((await runCli(['db', 'migrate'], { DATABASE_URL: scratch.url })).code).toBe(0);
      db = openPostgres({ connectionString: scratch.url, max: 2 });
    });
    afterAll(async () => {
      await db?.close();
      await scratch?.drop();
    });

    it('lantu import killed at random moments leaves no partial plan', async () => {
      const env = { DATABASE_URL: scratch.url };
      const full = await runCli(['import', SIP_OUTLINE_PATH, '--key', 'kill-ref', '--no-progress'], env);
      expect(full.code, full.stderr).toBe(0);
      const ref = await counts(db, 'kill-ref');
      expect(ref.plans).toBe(1);
      expect(ref.nodes).toBeGreaterThan(50);
      const outcomes: string[] = [];
      for (const [k, ms] of [700, 1500, 1800, 2100, 2400].entries()) {
        const key = `kill-${k}`;
        const end = await killAfter(['import', SIP_OUTLINE_PATH, '--key', key, '--no-progress'], env, ms);
        const got = await counts(db, key);
        outcomes.push(`${ms} ms: ${end.signal ?? `exit ${end.code}`} → ${got.plans ? 'complete' : 'absent'}`);
        if (got.plans === 0) expect(got).toEqual({ plans: 0, nodes: 0, indicators: 0 });
        else expect(got).toEqual(ref);
      }
      console.log('import kills', outcomes);
      // no transaction is left holding locks or rows: PostgreSQL notices the dead client's closed socket and rolls
      // back (within a moment of the kill)
      let open = 1;
      for (let k = 0; k < 50 && open > 0; k++) {
        open = (
          await db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
          )
        )[0]!.n;
        if (open > 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(open).toBe(0);
    });

    it('lantu serve killed during an xlsx upload: the upload is in the database fully or not at all', async () => {
      await runCli(['db', 'seed'], { DATABASE_URL: scratch.url });
      await createUser(
        db,
        {
          email: 'kjj@kill.example',
          password: 'kill test password',
          role: 'department',
          departments: ['KJJ'],
        },
        { id: null, label: 'test' },
      );
      const outcomes: string[] = [];
      for (const [k, ms] of [40, 250, 800, 4000].entries()) {
        const server = await startServe({ DATABASE_URL: scratch.url });
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'kjj@kill.example', password: 'kill test password' }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const plan = await db.query<{ id: string }>(
          "SELECT id FROM plans WHERE key = 'sip-14th' ORDER BY version DESC LIMIT 1",
        );
        const tpl = await fetch(`${server.url}/api/templates/KJJ.xlsx?planId=${plan[0]!.id}`, {
          headers: { cookie },
        });
        expect(tpl.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await tpl.arrayBuffer());
        const ws = wb.worksheets.find((w) => w.state === 'visible')!;
        let cells = 0;
        ws.eachRow((row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            // year columns only: the 说明/更正原因 column takes text, not values
            const isYear = /^\d{4}$/.test(ws.getRow(2).getCell(cell.col).text);
            if (isYear && cell.protection?.locked === false && cell.value === null) {
              cell.value = 10 + k + cells / 100; // a share-safe number
              cells++;
            }
          }),
        );
        if (cells === 0) {
          // an earlier upload got through completely: every cell is filled, nothing left to try
          expect(outcomes.some((o) => / (\d+) of \1 cells/.test(o))).toBe(true);
          await server.stop();
          break;
        }
        const body = new FormData();
        body.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'kjj.xlsx'));
        const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
        const upload = fetch(`${server.url}/api/uploads`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body,
        })
          .then((r) => r.status)
          .catch(() => 0);
        await new Promise((r) => setTimeout(r, ms));
        server.child.kill('SIGKILL');
        const status = await upload;
        await new Promise((r) => setTimeout(r, 300));
        const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
        const added = after[0]!.n - before[0]!.n;
        outcomes.push(`${ms} ms: HTTP ${status || 'cut'}; ${added} of ${cells} cells stored`);
        expect([0, cells]).toContain(added);
        if (status === 200) expect(added).toBe(cells);
        // the next start works on the same database
        const again = await startServe({ DATABASE_URL: scratch.url });
        expect((await fetch(`${again.url}/api/plans`)).status).toBe(200);
        await again.stop();
      }
      console.log('upload kills', outcomes);
    });
  },
);
