import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../../domain/dataset.ts';
import { ERROR_CODES, LantuError, type Bilingual, type ErrorCode } from '../../domain/errors.ts';
import type { ImportInput } from '../import-plan.ts';
import type { ImportReport } from '../plan-document.ts';
import type { WorkbookData } from '../readers/xlsx-reader.ts';

/**
 * Document and spreadsheet parsing off the server's event loop. Reading a .docx, .pdf or .xlsx is
 * seconds of synchronous work for a large file; on the main thread it would stall every request of the
 * node (GET /api/health included). Jobs run in a small pool of worker threads with a bounded queue, a
 * wall-time limit and a memory limit, each of which ends the job with a typed error naming it.
 */

export type ParseJob =
  | { kind: 'workbook'; bytes: Uint8Array }
  | { kind: 'plan'; input: ImportInput; planKey?: string }
  | { kind: 'warm' };

export interface PlanParse {
  report: ImportReport;
  dataset: Dataset;
}

interface ParseResult {
  workbook: WorkbookData;
  plan: PlanParse;
  warm: null;
}

/** What the worker answers: the value, or the error as plain data (errors do not cross threads whole). */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; message: string | Bilingual; details?: unknown };

/** Wall time one job may take, worker start included. */
export const PARSE_TIME_LIMIT_MS = 60_000;
/** Heap one worker may use; past it the job fails with payload_too_large and the worker is replaced. */
export const PARSE_MEMORY_LIMIT_MB = 2048;
/**
 * Time a worker may take to start and load the readers (pdf.js, ExcelJS, the importer: tens of seconds on
 * a loaded machine, as TypeScript is compiled on load). Done when the server starts (warm), so the first
 * upload neither pays it nor counts it against PARSE_TIME_LIMIT_MS.
 */
export const PARSE_WARM_LIMIT_MS = 300_000;
/** Jobs waiting for a worker; past it the upload is refused (429) instead of queuing without end. */
export const PARSE_QUEUE_LIMIT = 32;

interface Pending {
  id: number;
  job: ParseJob;
  timeoutMs: number;
  /** Whether the job keeps the process alive (a warm-up does not). */
  keepAlive: boolean;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

const ENTRY = new URL('./parse-worker.mjs', import.meta.url);

function poolSize(): number {
  const configured = Number(process.env.LANTU_PARSE_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 8);
  // One core stays with the event loop.
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

const isErrorCode = (c: string): c is ErrorCode => Object.hasOwn(ERROR_CODES, c);

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(
    private readonly size = poolSize(),
    private readonly queueLimit = PARSE_QUEUE_LIMIT,
  ) {}

  run<K extends ParseJob['kind']>(
    job: Extract<ParseJob, { kind: K }>,
    opts: { timeoutMs?: number; keepAlive?: boolean } = {},
  ): Promise<ParseResult[K]> {
    if (this.queue.length >= this.queueLimit) {
      return Promise.reject(
        new LantuError(
          'rate_limited',
          {
            zh: '解析任务过多，请稍后重试',
            en: `${this.queueLimit} documents are already waiting to be read; try again shortly`,
          },
          { limit: 'parse queue', max: this.queueLimit },
        ),
      );
    }
    return new Promise<ParseResult[K]>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        job,
        timeoutMs: opts.timeoutMs ?? PARSE_TIME_LIMIT_MS,
        keepAlive: opts.keepAlive ?? true,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /**
   * Starts every worker of the pool and has it load the readers, so that no upload waits for (or is timed
   * with) a worker's start. Does not keep the process alive; a failure only means a later job starts cold.
   */
  async warm(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.size }, () =>
        this.run({ kind: 'warm' }, { timeoutMs: PARSE_WARM_LIMIT_MS, keepAlive: false }),
      ),
    );
  }

  /** Ends every worker (idle ones do not keep the process alive, so this is for tests and shutdown). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.queue.shift();
      this.start(slot, next);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_LIMIT_MB },
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, busy: null, timer: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.busy;
      if (!job || reply.id !== job.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.value);
      else
        job.reject(
          new LantuError(isErrorCode(reply.code) ? reply.code : 'internal', reply.message, reply.details),
        );
      this.dispatch();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      this.fail(
        slot,
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new LantuError(
              'payload_too_large',
              {
                zh: '文件过大，内存不足',
                en: `Reading the file needed more than ${PARSE_MEMORY_LIMIT_MB} MB of memory`,
              },
              { limit: 'memory', max: PARSE_MEMORY_LIMIT_MB },
            )
          : new LantuError('internal', `the parsing worker failed: ${e.message}`),
      );
    });
    worker.on('exit', () => {
      this.fail(slot, new LantuError('internal', 'the parsing worker stopped unexpectedly'));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Pending): void {
    slot.busy = job;
    if (job.keepAlive) slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.fail(
        slot,
        new LantuError(
          'payload_too_large',
          {
            zh: '文件解析超时',
            en: `Reading the file took longer than ${Math.round(job.timeoutMs / 1000)} s`,
          },
          { limit: 'time', max: job.timeoutMs },
        ),
      );
    }, job.timeoutMs);
    slot.worker.postMessage({ id: job.id, job: job.job });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    slot.worker.unref();
  }

  /** A worker that timed out, ran out of memory or died is dropped; its job fails; the next one gets a new worker. */
  private fail(slot: Slot, error: LantuError): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const job = slot.busy;
    this.finish(slot);
    void slot.worker.terminate();
    job?.reject(error);
    this.dispatch();
  }
}

let shared: ParsePool | null = null;

/** The process's pool, started on first use. */
export function parsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
