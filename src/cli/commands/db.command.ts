import { Command } from 'commander';
import type { Db } from '../../db/db.types.ts';

// The database layers are loaded inside the actions, so start-up stays light.
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openDatabase }, { createLogger }] = await Promise.all([
    import('../../server/config.ts'),
    import('../../server/database.ts'),
    import('../../server/logger.ts'),
  ]);
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function dbCommand(): Command {
  const db = new Command('db').description('database maintenance 数据库维护');
  db.command('migrate')
    .description('apply pending schema migrations 执行数据库迁移')
    .action(async () => {
      // openDatabase migrates; report what the schema is at.
      await withDb(async (conn) => {
        const { systemRepository } = await import('../../db/repositories/system.repository.ts');
        const names = await systemRepository.appliedMigrations(conn);
        process.stdout.write(
          `schema up to date (${names.length} migrations, latest ${names.at(-1) ?? '-'})\n`,
        );
      });
    });
  db.command('seed')
    .description('load a dataset (default: the SIP 14th plan) 载入数据集')
    .option('-f, --file <dataset.json>', 'dataset file (default: data/sip-14th/dataset.json)')
    .option(
      '--new-version',
      'load plans whose key exists as new (draft) versions; publish them with `db publish`',
    )
    .action(async (opts: { file?: string; newVersion?: boolean }) => {
      const { DEFAULT_DATASET_PATH, loadDataset, readDatasetFile } =
        await import('../../server/modules/datasets/dataset.service.ts');
      const dataset = readDatasetFile(opts.file ?? DEFAULT_DATASET_PATH);
      const loaded = await withDb((conn) =>
        loadDataset(conn, dataset, { actor: 'cli:seed', asNewVersion: opts.newVersion === true }),
      );
      for (const p of loaded) process.stdout.write(`loaded ${p.key} v${p.version}  id ${p.id}\n`);
    });
  db.command('publish <planId>')
    .description('publish a draft plan version, carrying the work of the version in use over 发布规划新版本')
    .action(async (planId: string) => {
      const { publishPlanVersion } =
        await import('../../server/modules/plan-versions/plan-versions.service.ts');
      const r = await withDb((conn) => publishPlanVersion(conn, planId, { id: null, name: 'cli:publish' }));
      const c = r.diff.carried;
      process.stdout.write(
        `published v${r.version}  id ${r.planId}: carried ${c.indicators} indicators, ${c.nodes} nodes, ` +
          `${c.assignments} assignments, ${c.observations} values, ${c.taskReports} task reports, ` +
          `${c.projects} projects; ${r.diff.orphaned.length} orphaned (kept on the previous version)\n`,
      );
    });
  return db;
}
