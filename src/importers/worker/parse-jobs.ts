import { parentPort } from 'node:worker_threads';
import { isLantuError } from '../../domain/errors.ts';
import type { ParseJob, PlanParse, WorkerReply } from './parse-pool.ts';

/** Runs inside the parsing worker: one job at a time, each answered with its value or a typed error. */
async function run(job: ParseJob): Promise<unknown> {
  switch (job.kind) {
    case 'workbook': {
      const { readWorkbookData } = await import('../readers/xlsx-reader.ts');
      return readWorkbookData(job.bytes);
    }
    case 'plan': {
      const [{ importPlanAsync }, { planDocumentToDataset }] = await Promise.all([
        import('../import-plan.ts'),
        import('../to-dataset.ts'),
      ]);
      const doc = await importPlanAsync(job.input);
      const dataset = planDocumentToDataset(doc, job.planKey ? { planKey: job.planKey } : {});
      const result: PlanParse = { report: doc.report, dataset };
      return result;
    }
    case 'warm': {
      // Every reader loaded once, pdf.js included, before the first document arrives.
      const [, , , { preloadPdfJs }] = await Promise.all([
        import('../readers/xlsx-reader.ts'),
        import('../import-plan.ts'),
        import('../to-dataset.ts'),
        import('../readers/pdf-text-layer.ts'),
      ]);
      await preloadPdfJs();
      return null;
    }
  }
}

const port = parentPort;
if (!port) throw new Error('parse-jobs.ts runs only in a worker thread');
port.on('message', (msg: { id: number; job: ParseJob }) => {
  run(msg.job).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value } satisfies WorkerReply),
    (e: unknown) => {
      const reply: WorkerReply = isLantuError(e)
        ? {
            id: msg.id,
            ok: false,
            code: e.code,
            message: e.messages ?? e.message,
            details: plain(e.details),
          }
        : { id: msg.id, ok: false, code: 'internal', message: `the parser failed: ${String(e)}` };
      port.postMessage(reply);
    },
  );
});

/** Error details must survive structured cloning (no functions, no class instances). */
function plain(details: unknown): unknown {
  try {
    return details === undefined ? undefined : (JSON.parse(JSON.stringify(details)) as unknown);
  } catch {
    return undefined;
  }
}
