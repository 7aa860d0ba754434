/** `lantu import` itself; loaded by the command's action only (import.command.ts), so start-up stays light. */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { assertDataDirFree } from '../../db/data-dir-lock.ts';
import { LantuError } from '../../domain/errors.ts';
import { loadConfig } from '../../server/config.ts';
import type { ImportStage, InputFormat } from '../../importers/import-plan.ts';
import { importPlanAsync, MAX_INPUT_BYTES } from '../../importers/import-plan.ts';
import { formatReport } from '../../importers/report.ts';
import { reason } from './cli-input.ts';
import { planDocumentToDataset } from '../../importers/to-dataset.ts';
import { saveImportedPlan } from '../../server/modules/plans/plans.import.ts';

async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.byteLength;
      if (size > MAX_INPUT_BYTES)
        throw new LantuError(
          'payload_too_large',
          {
            zh: `标准输入超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限`,
            en: `stdin is over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit`,
          },
          { limit: MAX_INPUT_BYTES },
        );
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  try {
    const info = await stat(file);
    if (info.size > MAX_INPUT_BYTES) {
      throw new LantuError(
        'payload_too_large',
        {
          zh: `${file} 有 ${info.size} 字节，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限`,
          en: `${file} is ${info.size} bytes; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
        },
        { limit: MAX_INPUT_BYTES },
      );
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof LantuError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new LantuError(code === 'ENOENT' ? 'not_found' : 'bad_request', {
      zh: code === 'ENOENT' ? `找不到文件 ${file}` : `无法读取 ${file}：${reason(e)}`,
      en: `cannot read ${file}: ${reason(e)}`,
    });
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
  predecessor?: string;
  format?: InputFormat;
  key?: string;
  progress?: boolean;
}

const STAGE_LABEL: Record<ImportStage, string> = {
  read: '读取 reading',
  structure: '识别结构 structure',
  done: '完成 done',
};

/** The command's action: prints the plan document (--json) or saves it. */
/** Saving opens the embedded database: say at once, not after parsing, when lantu serve holds it. */
function refuseBesideServer(): void {
  const config = loadConfig();
  if (!config.databaseUrl) assertDataDirFree(resolve(config.dataDir));
}

export async function importAction(file: string, opts: ImportOpts): Promise<void> {
  const showBar = opts.progress !== false && process.stderr.isTTY === true;
  const bar = showBar
    ? new SingleBar(
        { format: 'lantu import [{bar}] {percentage}% {stage}', stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  if (!opts.json) refuseBesideServer();
  bar?.start(100, 0, { stage: STAGE_LABEL.read });
  try {
    const bytes = await readInput(file);
    const doc = await importPlanAsync(
      { bytes, filename: file === '-' ? null : basename(file), format: opts.format },
      {
        onProgress: (stage, fraction) =>
          bar?.update(Math.round(fraction * (opts.json ? 100 : 80)), { stage: STAGE_LABEL[stage] }),
      },
    );
    if (opts.json) {
      bar?.stop();
      await writeOut(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    // What to check before relying on the import: shown on stderr so stdout stays the result.
    for (const line of formatReport(doc.report)) process.stderr.write(`${line}\n`);
    const dataset = planDocumentToDataset(doc, { planKey: opts.key });
    bar?.update(90, { stage: '保存 saving' });
    const saved = await saveImportedPlan(dataset, {
      ...(opts.plan === undefined ? {} : { planId: opts.plan }),
      ...(opts.predecessor === undefined ? {} : { predecessorId: opts.predecessor }),
    });
    bar?.update(100, { stage: STAGE_LABEL.done });
    bar?.stop();
    const table = dataset.plans[0]?.indicators.filter((i) => i.origin === 'table').length ?? 0;
    const text = (dataset.plans[0]?.indicators.length ?? 0) - table;
    const what = !saved.saved
      ? 'unchanged, nothing saved 无变化'
      : opts.plan === undefined
        ? 'saved plan'
        : 'saved draft version (publish: lantu db publish ID)';
    process.stdout.write(
      `${what} ${saved.planId} v${saved.version}: ${doc.meta.title} (${table} indicators, ${text} prose targets)\n`,
    );
    for (const c of saved.changes) process.stdout.write(`  ${c}\n`);
  } finally {
    bar?.stop();
  }
}
