import { Command } from 'commander';
import { VERSION } from '../server/version.ts';
import { backupCommand } from './commands/backup.command.ts';
import { dbCommand } from './commands/db.command.ts';
import { evaluateCommand } from './commands/evaluate.command.ts';
import { importCommand } from './commands/import.command.ts';
import { reportCommand } from './commands/report.command.ts';
import { restoreCommand } from './commands/restore.command.ts';
import { serveCommand } from './commands/serve.command.ts';
import { userCommand } from './commands/user.command.ts';

export function createProgram(): Command {
  const program = new Command('lantu')
    .description('蓝图 lantu — monitor, evaluate and publicly account for a five-year plan outline')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const sub of [
    serveCommand(),
    dbCommand(),
    importCommand(),
    evaluateCommand(),
    userCommand(),
    reportCommand(),
    backupCommand(),
    restoreCommand(),
  ])
    program.addCommand(sub);
  // Subcommands must report usage errors the same way as the root.
  const inherit = (cmd: Command) => {
    cmd.exitOverride().showSuggestionAfterError(true);
    cmd.commands.forEach(inherit);
  };
  program.commands.forEach(inherit);
  return program;
}
