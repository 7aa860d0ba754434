import { CommanderError } from 'commander';
import { isLantuError } from '../domain/errors.ts';
import { cliMessage } from './message.ts';
import { createProgram } from './program.ts';

/** Usage errors exit 2; domain errors exit with their code; nothing prints a stack trace unless LANTU_DEBUG=1. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander already printed its one-line message (or the help/version text).
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isLantuError(e)) {
      process.stderr.write(cliMessage(e, process.env));
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`lantu: unexpected error: ${message}\n`);
    if (process.env.LANTU_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    return 1;
  }
}
