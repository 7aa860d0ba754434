import { Command } from 'commander';

/** Placeholder until the import command lands; replaced by its issue. */
export function importCommand(): Command {
  return new Command('import').description('(not yet available)').action(() => {
    process.stderr.write('lantu import: not yet available\n');
    process.exitCode = 2;
  });
}
