import { Command } from 'commander';

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'write every table (attachments included) to a portable .jsonl.gz file 备份数据库 (DATABASE_URL or LANTU_DATA_DIR)',
    )
    .requiredOption('-o, --out <file>', 'backup file to write (gzip of JSON lines)')
    .action(async (opts: { out: string }) => {
      const [{ connect }, { loadConfig }, { backupToFile }] = await Promise.all([
        import('../../db/connect.ts'),
        import('../../server/config.ts'),
        import('../../server/modules/backup/backup.service.ts'),
      ]);
      const config = loadConfig();
      const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const summary = await backupToFile(db, opts.out);
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `backup written to ${opts.out}: ${Object.keys(summary.tables).length} tables, ${rows} rows, migration ${summary.migration}\n`,
        );
      } finally {
        await db.close();
      }
    });
}
