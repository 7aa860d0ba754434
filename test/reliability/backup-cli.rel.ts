import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { runCli, startServe } from '../support/cli.ts';

const PG = process.env.TEST_DATABASE_URL;

/** The migration path: an embedded (PGlite) installation moved to PostgreSQL with backup + restore. */
describe.runIf(PG)('lantu backup → lantu restore → lantu serve on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-move-'));
  const dbName = `lantu_restore_${randomBytes(4).toString('hex')}`;
  const target = (() => {
    const u = new URL(PG!);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const admin = openPostgres({ connectionString: PG!, max: 1 });
  afterAll(async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the same plans, values and comments after the move', { timeout: 300_000 }, async () => {
    const dataDir = join(dir, 'data');
    const file = join(dir, 'lantu.jsonl.gz');
    expect((await runCli(['db', 'seed'], { LANTU_DATA_DIR: dataDir })).code).toBe(0);
    expect(
      (
        await runCli(
          [
            'user',
            'create',
            '--email',
            'office@test.example',
            '--password',
            'correct horse battery',
            '--role',
            'admin',
          ],
          { LANTU_DATA_DIR: dataDir },
        )
      ).code,
    ).toBe(0);
    const backup = await runCli(['backup', '--out', file], { LANTU_DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows, migration \d+/);

    await admin.exec(`CREATE DATABASE ${dbName}`);
    const restore = await runCli(['restore', file], { DATABASE_URL: target });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // a second restore into the now full database is refused with the conflict exit code
    const again = await runCli(['restore', file], { DATABASE_URL: target });
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/not empty/);

    const read = async (url: string) => {
      const plans = await (await fetch(`${url}/api/plans`)).text();
      const indicators = await (await fetch(`${url}/api/public/indicators`)).text();
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'office@test.example', password: 'correct horse battery' }),
      });
      return { plans, indicators, login: login.status };
    };
    const before = await startServe({ LANTU_DATA_DIR: dataDir });
    const a = await read(before.url).finally(() => before.stop());
    const after = await startServe({ DATABASE_URL: target });
    const b = await read(after.url).finally(() => after.stop());
    expect(a.login).toBe(200);
    expect(b).toEqual(a);
  });
});
