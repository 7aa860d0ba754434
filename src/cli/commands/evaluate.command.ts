import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command, Option } from 'commander';
import { datasetSchema } from '../../domain/dataset.ts';
import type { Dataset } from '../../domain/dataset.ts';
import { LantuError } from '../../domain/errors.ts';
import { csvObservations, datasetObservations, mergeObservations, selectPlan } from '../../domain/evaluation/dataset-input.ts';
import { evaluatePlan } from '../../domain/evaluation/summary.ts';
import type { PlanEvaluation } from '../../domain/evaluation/summary.ts';
import type { IndicatorEvaluation, Method } from '../../domain/evaluation/types.ts';
import { verdictLabel, verdictTone } from '../../domain/evaluation/verdict.ts';
import { importPlan } from '../../importers/import-plan.ts';
import { planDocumentToDataset } from '../../importers/to-dataset.ts';

export interface EvaluateOptions {
  plan: string;
  year?: number;
  data?: string;
  method: Method;
  table?: number;
  json?: boolean;
  all?: boolean;
  delta?: number;
  aboutTolerance?: number;
  color?: boolean;
  explain?: boolean;
}

/** Read a plan document (.txt/.md/.docx, imported on the fly) or a dataset JSON file. */
export function loadDataset(ref: string): Dataset {
  if (!existsSync(ref)) {
    if (/[\\/]/.test(ref) || /\.(json|txt|md|markdown|docx|wps)$/i.test(ref)) {
      throw new LantuError('not_found', `plan file not found: ${ref}`, { path: ref });
    }
    // A plan ID: the database path needs src/server/modules/plans, which does not expose a read API yet.
    throw new LantuError('bad_request', `reading plan "${ref}" from the database is not yet available; pass a plan document (.docx/.txt/.md) or a dataset JSON file`, { plan: ref });
  }
  if (!statSync(ref).isFile()) throw new LantuError('bad_request', `not a file: ${ref}`, { path: ref });
  const bytes = readFileSync(ref);
  if (extname(ref).toLowerCase() === '.json') {
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new LantuError('validation_failed', `${ref} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { path: ref });
    }
    const parsed = datasetSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LantuError('validation_failed', `${ref} is not a lantu dataset: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
        issues: parsed.error.issues.slice(0, 5),
      });
    }
    return parsed.data;
  }
  const doc = importPlan({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: basename(ref) });
  return planDocumentToDataset(doc);
}

/** Everything the command does except printing: returns the evaluation. */
export function runEvaluate(opts: EvaluateOptions): PlanEvaluation & { plan: { key: string; title: string; periodStart: number; periodEnd: number } } {
  const dataset = loadDataset(opts.plan);
  const selected = selectPlan(dataset, { table: opts.table ?? null, includeText: opts.all === true });
  if (!selected.ok) throw selected.error;
  const { plan, indicators } = selected.value;
  let observations = datasetObservations(plan, indicators);
  if (opts.data !== undefined) {
    if (!existsSync(opts.data)) throw new LantuError('not_found', `values file not found: ${opts.data}`, { path: opts.data });
    const fromCsv = csvObservations(readFileSync(opts.data, 'utf8'), indicators);
    if (!fromCsv.ok) throw fromCsv.error;
    observations = mergeObservations(observations, fromCsv.value);
  }
  let year = opts.year;
  if (year === undefined) {
    const years = [...observations.values()].flat().map((o) => o.year);
    year = years.length > 0 ? Math.min(Math.max(...years), plan.periodEnd) : plan.periodStart;
  }
  const result = evaluatePlan({
    indicators,
    observations,
    year,
    method: opts.method,
    options: { periodStart: plan.periodStart, periodEnd: plan.periodEnd, delta: opts.delta, aboutTolerance: opts.aboutTolerance },
  });
  return { ...result, plan: { key: plan.key, title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd } };
}

/** The JSON the issue specifies, plus code, label and notes. */
export function toJson(r: ReturnType<typeof runEvaluate>): unknown {
  return {
    year: r.year,
    method: r.method,
    plan: r.plan,
    indicators: r.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      attribute: i.attribute,
      verdict: i.verdict,
      label: verdictLabel(i.verdict, r.summary.final),
      target: i.target,
      targetRaw: i.targetRaw,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      dataYear: i.dataYear,
      expected: i.expected,
      actual: i.actual ?? i.actualText,
      progress: i.progress,
      elapsed: i.elapsed,
      ratio: i.ratio,
      projection: i.projection,
      requiredRate: i.requiredRate,
      probability: i.probability?.value ?? null,
      explanation: i.explanation,
      notes: i.notes,
    })),
    summary: r.summary,
  };
}

// ---------------------------------------------------------------- text table

const ANSI: Record<ReturnType<typeof verdictTone>, string> = { green: '\x1b[32m', blue: '\x1b[36m', yellow: '\x1b[33m', red: '\x1b[31m', grey: '\x1b[90m' };

/** Terminal columns a string takes (CJK and full-width forms take two). */
export function displayWidth(s: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function cut(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function num(x: number | null, digits = 2): string {
  if (x === null) return '—';
  return String(Math.round(x * 10 ** digits) / 10 ** digits);
}

function share(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}

export function toTable(r: ReturnType<typeof runEvaluate>, color: boolean, explain: boolean): string {
  const head = ['代码', '指标', '属性', '目标', '实际', r.method === 'trend' ? '增速比' : '进度', '时间', '概率', '判定'];
  const rows = r.indicators.map((i: IndicatorEvaluation) => {
    const label = verdictLabel(i.verdict, r.summary.final).zh;
    return [
      i.code,
      cut(i.name, 28),
      i.attribute === 'binding' ? '约束性' : '预期性',
      cut(i.targetRaw ?? '—', 14),
      i.actual !== null ? num(i.actual) : cut(i.actualText ?? '—', 14),
      r.method === 'trend' ? num(i.ratio) : share(i.progress),
      share(i.elapsed),
      i.probability === null ? '—' : share(i.probability.value),
      color ? `${ANSI[verdictTone(i.verdict)]}${label}\x1b[0m` : label,
    ];
  });
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ').trimEnd();
  const out = [`${r.plan.title}（${r.plan.periodStart}—${r.plan.periodEnd}）  ${r.year}年  ${r.method === 'time' ? '时间进度法' : '趋势法'}`, '', line(head), line(widths.map((w) => '─'.repeat(w)))];
  for (const [k, row] of rows.entries()) {
    out.push(line(row));
    const i = r.indicators[k];
    if (explain && i !== undefined) out.push(`    ${i.explanation.zh}`);
  }
  out.push('', r.summary.sentence.zh);
  if (r.summary.bindingSentence !== null) out.push(r.summary.bindingSentence.zh);
  out.push(r.summary.sentence.en);
  return `${out.join('\n')}\n`;
}

function parseIntArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new LantuError('bad_request', `${name} must be an integer, got "${v}"`, null);
    return n;
  };
}

function parseShare(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new LantuError('bad_request', `${name} must be a non-negative number, got "${v}"`, null);
    return n;
  };
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('judge every indicator of a plan for a year (时间过半、任务过半 or the Open SDG trend measure)')
    .requiredOption('--plan <file|id>', 'plan document (.docx/.txt/.md), dataset JSON, or plan ID')
    .option('--year <year>', 'year to evaluate (default: the latest year with data)', parseIntArg('--year'))
    .option('--data <csv>', 'values CSV: indicator,year,value[,kind]')
    .addOption(new Option('--method <method>', 'time-progress or trend').choices(['time', 'trend']).default('time'))
    .option('--table <n>', 'evaluate the indicators of table N (e.g. 1 = the previous plan’s results)', parseIntArg('--table'))
    .option('--all', 'include targets found in the prose, not only the indicator tables')
    .option('--delta <share>', 'δ of the time-progress verdicts (default 0.05)', parseShare('--delta'))
    .option('--about-tolerance <share>', 'half-width of 左右 targets as a share of the target (default 0.1)', parseShare('--about-tolerance'))
    .option('--explain', 'print the explanation under each row')
    .option('--no-color', 'no ANSI colours')
    .option('--json', 'machine-readable output')
    .action((opts: EvaluateOptions) => {
      const r = runEvaluate(opts);
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(toJson(r), null, 2)}\n`);
        return;
      }
      const color = opts.color !== false && process.stdout.isTTY && process.env.NO_COLOR === undefined;
      process.stdout.write(toTable(r, color, opts.explain === true));
    });
}
