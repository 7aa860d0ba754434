/** `lantu report` itself; loaded by the command's action only (report.command.ts), so start-up stays light. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LantuError, type Bilingual } from '../../domain/errors.ts';
import type { Method } from '../../domain/evaluation/types.ts';
import { reportInputFromDataset } from '../../reports/from-dataset.ts';
import type { RenderedReport } from '../../reports/render.ts';
import { REPORT_FORMATS } from '../../reports/types.ts';
import type { ReportFormat, ReportKind, ReportLang } from '../../reports/types.ts';
import { ENGINE_VERSION } from '../../domain/evaluation/version.ts';
import { timeZone } from '../../server/time-zone.ts';
import { readPlanFile } from './evaluate.run.ts';
import { parseJsonFile, readValuesFile } from './cli-input.ts';

export interface ReportOptions {
  plan: string;
  year?: number;
  kind: ReportKind;
  data?: string;
  progress?: string;
  format?: ReportFormat;
  out?: string;
  lang: ReportLang;
  method: Method;
  table?: number;
}

function formatOf(opts: ReportOptions): ReportFormat {
  if (opts.format !== undefined) return opts.format;
  const ext = opts.out !== undefined && opts.out !== '-' ? extname(opts.out).slice(1).toLowerCase() : '';
  const known = REPORT_FORMATS.find((f) => f === ext);
  return known ?? 'docx';
}

function readJson(path: string, what: Bilingual): unknown {
  if (!existsSync(path))
    throw new LantuError(
      'not_found',
      { zh: `找不到${what.zh}：${path}`, en: `${what.en} not found: ${path}` },
      { path },
    );
  return parseJsonFile(readFileSync(path, 'utf8'), path);
}

/** Everything the command does except writing: returns the rendered report. */
export async function runReport(opts: ReportOptions): Promise<RenderedReport> {
  const dataset = await readPlanFile(opts.plan);
  let valuesCsv: string | null = null;
  if (opts.data !== undefined) {
    valuesCsv = readValuesFile(opts.data);
  }
  const progress =
    opts.progress !== undefined
      ? readJson(opts.progress, { zh: '进度文件', en: 'progress file' })
      : undefined;
  const input = reportInputFromDataset(dataset, {
    kind: opts.kind,
    lang: opts.lang,
    year: opts.year,
    method: opts.method,
    table: opts.table ?? null,
    valuesCsv,
    progress,
    engineVersion: ENGINE_VERSION,
  });
  input.timeZone = timeZone();
  // Loaded only when a report is written: docx, exceljs and echarts take seconds to import.
  const { renderReport } = await import('../../reports/render.ts');
  return renderReport(input, formatOf(opts));
}

/** The command's action: renders and writes the report (or to stdout with --out -). */
export async function reportAction(opts: ReportOptions): Promise<void> {
  const r = await runReport(opts);
  for (const w of r.warnings) process.stderr.write(`lantu: warning: ${w}\n`);
  if (opts.out === '-') {
    process.stdout.write(r.bytes);
    return;
  }
  const path = opts.out ?? r.filename;
  writeFileSync(path, r.bytes);
  process.stdout.write(
    `${path}  ${Math.ceil(r.bytes.length / 1024)} kB  ${r.model.cover.reportTitle}  snapshot ${r.model.snapshot.id}\n`,
  );
}
