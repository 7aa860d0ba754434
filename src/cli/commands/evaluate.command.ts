import { Command } from 'commander';

/** Placeholder until the evaluate command lands; replaced by its issue. */
export function evaluateCommand(): Command {
  return new Command('evaluate').description('(not yet available)').action(() => {
    process.stderr.write('lantu evaluate: not yet available\n');
    process.exitCode = 2;
  });
}
