import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { startServe } from '../support/cli.ts';

interface Plans {
  items: { id: string; key: string; indicatorCount: number }[];
}

async function sip14(url: string): Promise<{ id: string; indicatorCount: number }> {
  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
  const body = (await (await fetch(`${url}/api/plans`)).json()) as Plans;
  const plan = body.items.find((p) => p.key === 'sip-14th');
  expect(plan).toBeDefined();
  return plan!;
}

describe('lantu serve', () => {
  it('starts on PGlite with the SIP plan and keeps it across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantu-serve-'));
    try {
      const first = await startServe({ LANTU_DATA_DIR: dir });
      const plan = await sip14(first.url);
      expect(plan.indicatorCount).toBe(36);
      expect(await first.stop()).toBe(0);

      const second = await startServe({ LANTU_DATA_DIR: dir });
      expect((await sip14(second.url)).id).toBe(plan.id);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
    }
  }, 240_000); // two cold starts that each create and seed an embedded database: a hang guard, not a timing

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'starts on PostgreSQL from DATABASE_URL and keeps the plan across a restart',
    async () => {
      const base = process.env.TEST_DATABASE_URL!;
      const schema = `lantu_serve_${randomBytes(5).toString('hex')}`;
      const admin = openPostgres({ connectionString: base, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const url = new URL(base);
      url.searchParams.set('options', `-c search_path=${schema}`);
      try {
        const first = await startServe({ DATABASE_URL: url.toString() });
        const plan = await sip14(first.url);
        expect(plan.indicatorCount).toBe(36);
        expect(await first.stop()).toBe(0);
        const second = await startServe({ DATABASE_URL: url.toString() });
        expect((await sip14(second.url)).id).toBe(plan.id);
        expect(await second.stop()).toBe(0);
      } finally {
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    },
  );
});
