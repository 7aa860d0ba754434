import { Command, Option } from 'commander';
import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '../../domain/user.ts';

export function userCommand(): Command {
  const user = new Command('user').description('manage accounts 账号管理');
  user
    .command('create')
    .description('create an account 新建账号')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--password <password>', `at least ${MIN_PASSWORD_LENGTH} characters`)
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--department <code...>', 'department code(s) for a department user')
    .option('--name <displayName>', 'display name')
    .option('--oidc-subject <subject>', 'subject at the identity service (government sign-on 统一身份认证)')
    .action(
      async (opts: {
        email: string;
        password: string;
        role: Role;
        department?: string[];
        name?: string;
        oidcSubject?: string;
      }) => {
        const [{ loadConfig }, { openDatabase }, { createLogger }, { createUser }] = await Promise.all([
          import('../../server/config.ts'),
          import('../../server/database.ts'),
          import('../../server/logger.ts'),
          import('../../server/modules/users/users.service.ts'),
        ]);
        const db = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
        try {
          const created = await createUser(
            db,
            {
              email: opts.email,
              password: opts.password,
              role: opts.role,
              displayName: opts.name ?? null,
              departments: opts.department ?? [],
              oidcSubject: opts.oidcSubject ?? null,
            },
            { id: null, label: 'cli:user' },
          );
          process.stdout.write(`created ${created.role} ${created.email}  id ${created.id}\n`);
        } finally {
          await db.close();
        }
      },
    );
  return user;
}
