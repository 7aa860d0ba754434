import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.driver.ts';

const url = process.env.TEST_DATABASE_URL;

describe('migrate on PostgreSQL', () => {
  it.skipIf(!url)('lets several app nodes migrate one empty database at the same time', async () => {
    const schema = `lantu_mig_${randomBytes(5).toString('hex')}`;
    const admin = openPostgres({ connectionString: url!, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const nodes = [1, 2, 3].map(() => openPostgres({ connectionString: url!, schema, max: 2 }));
    try {
      const results = await Promise.all(nodes.map((db) => migrate(db)));
      // exactly one node applied everything; the others found it done
      expect(results.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, 0, loadMigrations().length]);
    } finally {
      await Promise.all(nodes.map((db) => db.close()));
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  });
});
