import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { LantuError } from '../../domain/errors.ts';
import type { Method } from '../../domain/evaluation/types.ts';
import { reportInputFromDataset } from '../../reports/from-dataset.ts';
import type { RenderedReport } from '../../reports/render.ts';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGS } from '../../reports/types.ts';
import type { ReportFormat, ReportKind, ReportLang } from '../../reports/types.ts';
import { VERSION } from '../../server/version.ts';
import { loadDataset } from './evaluate.command.ts';

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

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) throw new LantuError('not_found', `${what} not found: ${path}`, { path });
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new LantuError('validation_failed', `${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { path });
  }
}

/** Everything the command does except writing: returns the rendered report. */
export async function runReport(opts: ReportOptions): Promise<RenderedReport> {
  const dataset = loadDataset(opts.plan);
  let valuesCsv: string | null = null;
  if (opts.data !== undefined) {
    if (!existsSync(opts.data)) throw new LantuError('not_found', `values file not found: ${opts.data}`, { path: opts.data });
    valuesCsv = readFileSync(opts.data, 'utf8');
  }
  const progress = opts.progress !== undefined ? readJson(opts.progress, 'progress file') : undefined;
  const input = reportInputFromDataset(dataset, {
    kind: opts.kind,
    lang: opts.lang,
    year: opts.year,
    method: opts.method,
    table: opts.table ?? null,
    valuesCsv,
    progress,
    engineVersion: VERSION,
  });
  // Loaded only when a report is written: docx, exceljs and echarts take seconds to import.
  const { renderReport } = await import('../../reports/render.ts');
  return renderReport(input, formatOf(opts));
}

function parseIntArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new LantuError('bad_request', `${name} must be an integer, got "${v}"`, null);
    return n;
  };
}

export function reportCommand(): Command {
  return new Command('report')
    .description('write an annual, mid-term or final evaluation report (.docx, .xlsx or .md)')
    .requiredOption('--plan <file|id>', 'plan document (.docx/.txt/.md), dataset JSON, or plan ID')
    .addOption(new Option('--kind <kind>', 'report kind').choices([...REPORT_KINDS]).default('annual'))
    .option('--year <year>', 'year reported on (default: annual = latest data, midterm = middle of the period, final = last year)', parseIntArg('--year'))
    .option('--data <csv>', 'values CSV: indicator,year,value[,kind]')
    .option('--progress <json>', 'task and project progress JSON (see docs/reports.md)')
    .addOption(new Option('--format <format>', 'output format (default: from --out, else docx)').choices([...REPORT_FORMATS]))
    .option('--out <path>', 'output file, - for stdout (default: <plan>-<kind>-<year>.<format>)')
    .addOption(new Option('--lang <lang>', 'language').choices([...REPORT_LANGS]).default('zh'))
    .addOption(new Option('--method <method>', 'time-progress or trend').choices(['time', 'trend']).default('time'))
    .option('--table <n>', 'report on the indicators of table N (e.g. 1 = the previous plan’s results)', parseIntArg('--table'))
    .action(async (opts: ReportOptions) => {
      const r = await runReport(opts);
      for (const w of r.warnings) process.stderr.write(`lantu: warning: ${w}\n`);
      if (opts.out === '-') {
        process.stdout.write(r.bytes);
        return;
      }
      const path = opts.out ?? r.filename;
      writeFileSync(path, r.bytes);
      process.stdout.write(`${path}  ${Math.ceil(r.bytes.length / 1024)} kB  ${r.model.cover.reportTitle}  snapshot ${r.model.snapshot.id}\n`);
    });
}
