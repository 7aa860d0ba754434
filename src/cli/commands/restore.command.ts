import { Command } from 'commander';

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'load a backup into an empty database in one transaction 恢复备份 (DATABASE_URL or LANTU_DATA_DIR)',
    )
    .argument('<file>', 'backup file written by lantu backup')
    .action(async (file: string) => {
      const [{ connect }, { loadConfig }, { restoreFromFile }] = await Promise.all([
        import('../../db/connect.ts'),
        import('../../server/config.ts'),
        import('../../server/modules/backup/backup.service.ts'),
      ]);
      const config = loadConfig();
      const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const summary = await restoreFromFile(db, file);
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `restored ${rows} rows into ${Object.keys(summary.tables).length} tables (migration ${summary.migration})\n`,
        );
      } finally {
        await db.close();
      }
    });
}
