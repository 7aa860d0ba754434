#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`lantu import … --json | head`) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv);
// Exit only once everything written to a pipe has been flushed (large JSON output would be cut otherwise).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
