// Entry of the parsing worker thread (see parse-pool.ts). Plain JavaScript on purpose: a worker starts with
// a fresh module loader, so it registers tsx itself before loading the TypeScript jobs — the same under
// `npm start` (bin/lantu.js), the tsx CLI and vitest, with no build step.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

// Parsing is background work: this thread (and only this thread — on Linux a priority belongs to a thread,
// named by its id) lowers its priority before it compiles or reads anything, so the event loop thread of
// the server wins the CPU whenever both want it and GET /api/health answers during a long parse. Nice 10
// leaves the loop thread ~90% of a CPU they share (kernel weights 1024 : 110); nice 19 (1024 : 15) starved
// parsing on a busy machine until imports ran into their 60 s limit. /proc/thread-self names the thread as
// '<pid>/task/<tid>'. Elsewhere (no /proc) the worker keeps the process's priority.
// LANTU_PARSE_NICE sets another niceness, 1–19 (0: the process's own priority).
const nice = Number(process.env.LANTU_PARSE_NICE ?? 10);
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0 && Number.isInteger(nice) && nice > 0)
    setPriority(tid, Math.min(nice, 19));
} catch {
  // not Linux, or not allowed: parsing still runs, at normal priority
}

register();
await import('./parse-jobs.ts');
