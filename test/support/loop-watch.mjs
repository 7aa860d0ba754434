// Preloaded into `lantu serve` by tests and benches (`node --import <this>`), never by the product: records every
// stretch in which the event loop thread ran lantu's code without returning to its timers. A 5 ms timer reads the
// thread's Linux schedstat (ns on a CPU, ns runnable waiting for a CPU) at each tick; between two ticks the thread
// either ran (its own work: JavaScript, GC, a PGlite statement, a synchronous copy) or was off the CPU (waiting for
// one, or asleep in the kernel). Only the time ON the CPU is lantu's own blocking — the kernel's scheduling of a
// shared machine can delay a tick but cannot add CPU time to the thread. Each stretch over LOOP_WATCH_MIN_MS of CPU
// is appended as a JSON line to LOOP_WATCH_FILE: { at (epoch ms the stretch began), hr (µs, monotonic, the clock
// of a --cpu-prof profile), cpu, wait, wall (ms) }. Without schedstat (not Linux) the wall time stands for cpu.
import { appendFileSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.LOOP_WATCH_FILE;
const minMs = Number(process.env.LOOP_WATCH_MIN_MS ?? 50);
const TICK_MS = 5;

function sched() {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { run: run / 1e6, wait: wait / 1e6, ok: true };
  } catch {
    return { run: 0, wait: 0, ok: false };
  }
}

// A preload runs in every worker thread too; only the event loop thread is watched.
if (file && isMainThread) {
  let last = sched();
  let lastAt = performance.now();
  setInterval(() => {
    const now = performance.now();
    const s = sched();
    const wall = now - lastAt;
    const cpu = s.ok ? s.run - last.run : wall - TICK_MS;
    if (cpu >= minMs) {
      const line = {
        at: Math.round(performance.timeOrigin + lastAt),
        hr: Math.round(Number(process.hrtime.bigint() / 1000n) - wall * 1000),
        cpu: Math.round(cpu),
        wait: Math.round(s.wait - last.wait),
        wall: Math.round(wall),
      };
      appendFileSync(file, JSON.stringify(line) + '\n');
    }
    last = sched();
    lastAt = performance.now();
  }, TICK_MS).unref();
}
