import { Command } from 'commander';

export function serveCommand(): Command {
  return new Command('serve')
    .description('start the web server 启动服务 (PORT, HOST, DATABASE_URL, LANTU_DATA_DIR, LOG_LEVEL)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'address to bind (overrides HOST)')
    .action(async (opts: { port?: string; host?: string }) => {
      // Loaded here, not at start-up, so `lantu --help` and the other commands do not pay for the server.
      const [{ loadConfig }, { startServer }, { usersRepository }, { describeSmtp }] = await Promise.all([
        import('../../server/config.ts'),
        import('../../server/serve.ts'),
        import('../../db/repositories/users.repository.ts'),
        import('../../server/modules/notifications/mail.config.ts'),
      ]);
      const config = loadConfig({
        ...process.env,
        PORT: opts.port ?? process.env.PORT,
        HOST: opts.host ?? process.env.HOST,
      });
      const server = await startServer(config);
      process.stdout.write(
        `lantu 蓝图 is running at ${server.url}  (database: ${config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'})\n`,
      );
      process.stdout.write(
        server.mail
          ? `E-mail notifications via ${describeSmtp(server.mail.url)} from ${server.mail.from}\n`
          : 'E-mail is off (LANTU_SMTP_URL not set): notifications are in-app only 未配置邮件，仅站内通知\n',
      );
      if ((await usersRepository.countAdmins(server.db)) === 0) {
        // Never a default password: the operator creates the first admin with a password of their own. The
        // embedded database is this process's alone, so there the command runs while the server is stopped.
        const create = "npx lantu user create --email you@example.org --password '…' --role admin";
        process.stdout.write(
          config.databaseUrl
            ? `No admin account yet; create one with: ${create}\n`
            : `No admin account yet: stop the server (Ctrl-C), create one with: ${create}, then start it again 尚无管理员账号\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          server.stop().then(resolve, resolve);
        };
        process.once('SIGTERM', shutdown);
        process.once('SIGINT', shutdown);
      });
    });
}
