// Entry of the parsing worker thread (see parse-pool.ts). Plain JavaScript on purpose: a worker starts with
// a fresh module loader, so it registers tsx itself before loading the TypeScript jobs — the same under
// `npm start` (bin/lantu.js), the tsx CLI and vitest, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./parse-jobs.ts');
