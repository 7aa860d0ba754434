import { randomBytes } from 'node:crypto';
import { openPglite } from '../../src/db/pglite.driver.ts';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db, DbKind } from '../../src/db/db.types.ts';

export interface TestDatabase {
  kind: DbKind;
  /** A fresh, migrated, isolated database; call `dispose` when done. */
  create(): Promise<{ db: Db; dispose: () => Promise<void> }>;
}

const pglite: TestDatabase = {
  kind: 'pglite',
  async create() {
    const db = await openPglite(null);
    await migrate(db);
    return { db, dispose: () => db.close() };
  },
};

function postgres(url: string): TestDatabase {
  return {
    kind: 'postgres',
    async create() {
      // A schema per database keeps parallel test files (and CI re-runs) apart.
      const schema = `lantu_test_${randomBytes(6).toString('hex')}`;
      const admin = openPostgres({ connectionString: url, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const db = openPostgres({ connectionString: url, schema, max: 8 });
      await migrate(db);
      return {
        db,
        dispose: async () => {
          await db.close();
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  };
}

/** Every DB test runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const testDatabases: TestDatabase[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];
