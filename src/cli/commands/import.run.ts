/** `lantu import` itself; loaded by the command's action only (import.command.ts), so start-up stays light. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Dataset } from '../../domain/dataset.ts';
import { LantuError } from '../../domain/errors.ts';
import type { ImportStage, InputFormat } from '../../importers/import-plan.ts';
import { importPlan, MAX_INPUT_BYTES } from '../../importers/import-plan.ts';
import { planDocumentToDataset } from '../../importers/to-dataset.ts';

export interface SaveResult {
  planId: string;
  version: number;
  changes: string[];
}
export type SaveImportedPlan = (dataset: Dataset, opts: { planId?: string }) => Promise<SaveResult>;

/** Where the server module that writes an imported plan lives (owned by the server; loaded lazily). */
const SAVE_MODULE = '../../server/modules/plans/plans.import.ts';

export class SaveUnavailableError extends Error {
  constructor() {
    super('saving to the database is not yet available: use `lantu import FILE --json` to see the plan document');
    this.name = 'SaveUnavailableError';
  }
}

async function loadSaver(): Promise<SaveImportedPlan> {
  let mod: unknown;
  try {
    mod = await import(SAVE_MODULE);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new SaveUnavailableError();
    throw e;
  }
  const fn = (mod as { saveImportedPlan?: unknown }).saveImportedPlan;
  if (typeof fn !== 'function') throw new SaveUnavailableError();
  return fn as SaveImportedPlan;
}

/** Saves an imported plan as a new plan, or as a new version of `planId`. */
export async function importDataset(dataset: Dataset, opts: { planId?: string } = {}, load: () => Promise<SaveImportedPlan> = loadSaver): Promise<SaveResult> {
  const save = await load();
  return save(dataset, opts);
}

async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.byteLength;
      if (size > MAX_INPUT_BYTES) throw new LantuError('payload_too_large', 'stdin is over the 50 MB limit', { limit: MAX_INPUT_BYTES });
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  try {
    const info = await stat(file);
    if (info.size > MAX_INPUT_BYTES) {
      throw new LantuError('payload_too_large', `${file} is ${info.size} bytes; the limit is 50 MB`, { limit: MAX_INPUT_BYTES });
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof LantuError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new LantuError(code === 'ENOENT' ? 'not_found' : 'bad_request', `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Resolves once stdout has taken the data: `lantu` exits right after the command, which would cut a piped write short. */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

export interface ImportOpts {
  json?: boolean;
  plan?: string;
  format?: InputFormat;
  key?: string;
  progress?: boolean;
}

const STAGE_LABEL: Record<ImportStage, string> = { read: '读取 reading', structure: '识别结构 structure', done: '完成 done' };

/** The command's action: prints the plan document (--json) or saves it. */
export async function importAction(file: string, opts: ImportOpts): Promise<void> {
  const showBar = opts.progress !== false && process.stderr.isTTY === true;
  const bar = showBar ? new SingleBar({ format: 'lantu import [{bar}] {percentage}% {stage}', stream: process.stderr, hideCursor: true }, Presets.shades_classic) : null;
  bar?.start(100, 0, { stage: STAGE_LABEL.read });
  try {
    const bytes = await readInput(file);
    const doc = importPlan(
      { bytes, filename: file === '-' ? null : basename(file), format: opts.format },
      { onProgress: (stage, fraction) => bar?.update(Math.round(fraction * (opts.json ? 100 : 80)), { stage: STAGE_LABEL[stage] }) },
    );
    if (opts.json) {
      bar?.stop();
      await writeOut(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    const dataset = planDocumentToDataset(doc, { planKey: opts.key });
    bar?.update(90, { stage: '保存 saving' });
    let saved: SaveResult;
    try {
      saved = await importDataset(dataset, opts.plan === undefined ? {} : { planId: opts.plan });
    } catch (e) {
      if (e instanceof SaveUnavailableError) {
        bar?.stop();
        process.stderr.write(`lantu import: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw e;
    }
    bar?.update(100, { stage: STAGE_LABEL.done });
    bar?.stop();
    const table = dataset.plans[0]?.indicators.filter((i) => i.origin === 'table').length ?? 0;
    const text = (dataset.plans[0]?.indicators.length ?? 0) - table;
    process.stdout.write(`saved plan ${saved.planId} v${saved.version}: ${doc.meta.title} (${table} indicators, ${text} prose targets)\n`);
    for (const c of saved.changes) process.stdout.write(`  ${c}\n`);
  } finally {
    bar?.stop();
  }
}
