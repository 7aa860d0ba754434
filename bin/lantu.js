#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv);
process.exit(code);
