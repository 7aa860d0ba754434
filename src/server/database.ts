import type { Logger } from 'pino';
import { connect } from '../db/connect.ts';
import type { LockHolder } from '../db/data-dir-lock.ts';
import type { Db } from '../db/db.types.ts';
import { migrate } from '../db/migrate.ts';
import type { Config } from './config.ts';
import { seedIfEmpty } from './modules/datasets/dataset.service.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: Config, logger: Logger, holder?: LockHolder): Promise<Db> {
  const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

/** Opens, migrates and (when empty) seeds: what `lantu serve` needs before it listens. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Db> {
  // The server holds an embedded data directory for its lifetime: commands beside it are refused.
  const db = await openDatabase(config, logger, { kind: 'serve' });
  try {
    const seeded = await seedIfEmpty(db);
    if (seeded.length > 0)
      logger.info({ plans: seeded.map((p) => p.key) }, 'empty database: default dataset loaded');
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
