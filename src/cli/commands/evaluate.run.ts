/** `lantu evaluate` itself; loaded by the command's action only (evaluate.command.ts), so start-up stays light. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { datasetSchema } from '../../domain/dataset.ts';
import type { Dataset } from '../../domain/dataset.ts';
import { LantuError } from '../../domain/errors.ts';
import { zodIssueMessage } from '../../domain/zod-messages.ts';
import {
  csvObservations,
  datasetObservations,
  mergeObservations,
  selectPlan,
} from '../../domain/evaluation/dataset-input.ts';
import { evaluatePlan } from '../../domain/evaluation/summary.ts';
import type { PlanEvaluation } from '../../domain/evaluation/summary.ts';
import type { IndicatorEvaluation, Method } from '../../domain/evaluation/types.ts';
import { verdictLabel, verdictTone } from '../../domain/evaluation/verdict.ts';
import type { EvaluationObservation } from '../../domain/evaluation/types.ts';
import type { IndicatorSpec } from '../../domain/indicator.ts';
import { importPlanAsync } from '../../importers/import-plan.ts';
import { planDocumentToDataset } from '../../importers/to-dataset.ts';
import { listApprovedValues } from '../../db/repositories/approved-values.repository.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/database.ts';
import { createLogger } from '../../server/logger.ts';
import { getPlanIndicators, listPlans } from '../../server/modules/plans/plans.service.ts';
import { parseJsonFile, readValuesFile } from './cli-input.ts';

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
  /** Targets on a yearly rate: on the average so far (default) or the latest year / chained path. */
  annualRates?: 'average' | 'latest';
  color?: boolean;
  explain?: boolean;
  /** YYYY-MM-DD: judge as known on that date (values released on or before it, latest revision then). */
  asOf?: string;
}

/** A plan reference that is not a file: a plan id (UUID) or key (sip-14th) in the configured database. */
export function isPlanId(ref: string): boolean {
  return !existsSync(ref) && !/[\\/]/.test(ref) && !/\.(json|txt|md|markdown|docx|wps|pdf)$/i.test(ref);
}

/** Read a plan document (.txt/.md/.docx/.pdf, imported on the fly) or a dataset JSON file. */
export async function readPlanFile(ref: string): Promise<Dataset> {
  if (!existsSync(ref))
    throw new LantuError(
      'not_found',
      { zh: `找不到规划文件：${ref}`, en: `plan file not found: ${ref}` },
      { path: ref },
    );
  if (!statSync(ref).isFile())
    throw new LantuError('bad_request', { zh: `${ref} 不是文件`, en: `not a file: ${ref}` }, { path: ref });
  const bytes = readFileSync(ref);
  if (extname(ref).toLowerCase() === '.json') {
    const parsed = datasetSchema.safeParse(parseJsonFile(bytes.toString('utf8'), ref));
    if (!parsed.success) {
      const why = zodIssueMessage(parsed.error.issues, { zh: '数据集', en: 'dataset' });
      throw new LantuError(
        'validation_failed',
        { zh: `${ref} 不是 lantu 数据集：${why.zh}`, en: `${ref} is not a lantu dataset: ${why.en}` },
        { issues: parsed.error.issues.slice(0, 5) },
      );
    }
    return parsed.data;
  }
  const doc = await importPlanAsync({
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    filename: basename(ref),
  });
  return planDocumentToDataset(doc);
}

interface Inputs {
  plan: { key: string; title: string; periodStart: number; periodEnd: number };
  indicators: (IndicatorSpec & { tableNumber: number | null })[];
  observations: Map<string, EvaluationObservation[]>;
}

async function fromFile(opts: EvaluateOptions): Promise<Inputs> {
  const dataset = await readPlanFile(opts.plan);
  const selected = selectPlan(dataset, { table: opts.table ?? null, includeText: opts.all === true });
  if (!selected.ok) throw selected.error;
  const { plan, indicators } = selected.value;
  return { plan, indicators, observations: datasetObservations(plan, indicators, { asOf: opts.asOf }) };
}

/**
 * A plan in the database (read only: its indicators and approved annual values, as the live evaluation API
 * reads them). The id may be the plan's UUID (any version) or its key (the published version).
 */
async function fromDatabase(opts: EvaluateOptions): Promise<Inputs> {
  const db = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    const plans = await listPlans(db, true);
    const plan =
      plans.find((p) => p.id === opts.plan) ??
      plans.find((p) => p.key === opts.plan && p.status === 'published') ??
      plans.filter((p) => p.key === opts.plan).sort((a, b) => b.version - a.version)[0];
    if (plan === undefined) {
      const keys = [...new Set(plans.map((p) => p.key))];
      throw new LantuError(
        'not_found',
        {
          zh: `数据库中没有规划“${opts.plan}”${keys.length > 0 ? `（现有：${keys.join('、')}）` : ''}，也可以给出规划文件`,
          en: `no plan "${opts.plan}" in the database${keys.length > 0 ? ` (plans: ${keys.join(', ')})` : ''}; or pass a plan file`,
        },
        { plan: opts.plan },
      );
    }
    const { items } = await getPlanIndicators(db, plan.id);
    const table = opts.table ?? null;
    const chosen = items.filter((i) =>
      table !== null ? i.tableNumber === table : opts.all === true || i.origin === 'table',
    );
    if (chosen.length === 0)
      throw new LantuError(
        'not_found',
        table !== null
          ? {
              zh: `规划“${plan.key}”的表 ${table} 中没有指标`,
              en: `plan "${plan.key}" has no indicators from table ${table}`,
            }
          : { zh: `规划“${plan.key}”没有指标`, en: `plan "${plan.key}" has no indicators` },
        { plan: plan.key, table },
      );
    const indicators = chosen.map((i) => ({ ...i, departments: i.departments.map((d) => d.code) }));
    const codes = new Set(indicators.map((i) => i.code));
    const observations = new Map<string, EvaluationObservation[]>();
    for (const v of await listApprovedValues(db, plan.id, { asOf: opts.asOf })) {
      if (!codes.has(v.code) || v.period !== String(v.year)) continue;
      const list = observations.get(v.code) ?? [];
      list.push({ year: v.year, value: v.value, text: v.text, kind: v.kind, revision: v.version });
      observations.set(v.code, list);
    }
    return { plan, indicators, observations };
  } finally {
    await db.close();
  }
}

/**
 * The plan's values without those the --data file gives again (same indicator, year and kind): a value the
 * user passes replaces the stored one rather than competing with it as an unordered duplicate.
 */
function replacedBy(
  stored: ReadonlyMap<string, readonly EvaluationObservation[]>,
  given: ReadonlyMap<string, readonly EvaluationObservation[]>,
): Map<string, EvaluationObservation[]> {
  const out = new Map<string, EvaluationObservation[]>();
  for (const [code, list] of stored) {
    const again = new Set((given.get(code) ?? []).map((o) => `${o.year} ${o.kind}`));
    out.set(
      code,
      list.filter((o) => !again.has(`${o.year} ${o.kind}`)),
    );
  }
  return out;
}

/** Everything the command does except printing: returns the evaluation. */
export async function runEvaluate(
  opts: EvaluateOptions,
): Promise<PlanEvaluation & { plan: Inputs['plan']; asOf: string | null }> {
  const inputs = isPlanId(opts.plan) ? await fromDatabase(opts) : await fromFile(opts);
  const { plan, indicators } = inputs;
  let observations = inputs.observations;
  if (opts.data !== undefined) {
    const fromCsv = csvObservations(readValuesFile(opts.data), indicators);
    if (!fromCsv.ok) throw fromCsv.error;
    observations = mergeObservations(replacedBy(observations, fromCsv.value), fromCsv.value);
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
    options: {
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      delta: opts.delta,
      aboutTolerance: opts.aboutTolerance,
      annualRates: opts.annualRates,
    },
  });
  return {
    ...result,
    asOf: opts.asOf ?? null,
    plan: { key: plan.key, title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
  };
}

/** The JSON the issue specifies, plus code, label and notes. */
export function toJson(r: Awaited<ReturnType<typeof runEvaluate>>): unknown {
  return {
    year: r.year,
    method: r.method,
    asOf: r.asOf,
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

const ANSI: Record<ReturnType<typeof verdictTone>, string> = {
  green: '\x1b[32m',
  blue: '\x1b[36m',
  yellow: '\x1b[33m',
  red: '\x1b[31m',
  grey: '\x1b[90m',
};

/** Terminal columns a string takes (CJK and full-width forms take two). */
export function displayWidth(s: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
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

export function toTable(
  r: Awaited<ReturnType<typeof runEvaluate>>,
  color: boolean,
  explain: boolean,
): string {
  if (r.indicators.length === 0)
    return `${r.plan.title}：没有可评估的指标（规划中未找到指标表或带年份的目标）。 No indicators to evaluate: the plan has no indicator table and no dated targets.\n`;
  const head = [
    '代码',
    '指标',
    '属性',
    '目标',
    '实际',
    r.method === 'trend' ? '增速比' : '进度',
    '时间',
    '概率',
    '判定',
  ];
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
  const widths = head.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    `${r.plan.title}（${r.plan.periodStart}—${r.plan.periodEnd}）  ${r.year}年  ${r.method === 'time' ? '时间进度法' : '趋势法'}${r.asOf === null ? '' : `  截至${r.asOf}已发布数据 (as of ${r.asOf})`}`,
    '',
    line(head),
    line(widths.map((w) => '─'.repeat(w))),
  ];
  for (const [k, row] of rows.entries()) {
    out.push(line(row));
    const i = r.indicators[k];
    if (explain && i !== undefined) {
      out.push(`    ${i.explanation.zh}`);
      for (const n of i.notes) out.push(`    注：${n.zh}`);
    }
  }
  out.push('', r.summary.sentence.zh);
  if (r.summary.bindingSentence !== null) out.push(r.summary.bindingSentence.zh);
  out.push(r.summary.sentence.en);
  return `${out.join('\n')}\n`;
}
