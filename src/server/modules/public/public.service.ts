import type { Provenance } from '../../../domain/provenance.ts';
import type { Queryable } from '../../../db/db.types.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { publicRepository, type PublicProjectRow } from '../../../db/repositories/public.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import { evaluationYear } from '../../../domain/evaluation-year.ts';
import type { IndicatorEvaluation } from '../../../domain/evaluation/index.ts';
import { straightPathValue } from '../../../domain/evaluation/kinds.ts';
import { notFound } from '../../errors.ts';
import { writtenGoals } from '../../indicator-goals.ts';
import {
  evaluateInputs,
  loadEvaluationInputs,
  type EvaluationInputs,
  type LiveEvaluation,
} from '../live-evaluation/live-evaluation.service.ts';
import { neutraliseFormula } from '../../../reports/spreadsheet-safety.ts';
import { responseCacheFor } from '../../cache/response-cache.ts';
import { timeZone } from '../../time-zone.ts';

/** The plan asked for, or the newest master plan (looked up once per data version, so reads stay lookups). */
export async function resolvePlanId(db: Queryable, planId: string | undefined): Promise<string> {
  if (planId) return planId;
  const { body: id } = await responseCacheFor(db).get('main-plan-id', async () => ({
    body: (await publicRepository.mainPlanId(db)) ?? '',
    contentType: 'text/plain',
  }));
  if (!id)
    throw new LantuError('not_found', { zh: '尚未公开任何规划', en: 'No plan has been published yet' });
  return id;
}

/** What every public indicator read is built from: the inputs loaded once and their evaluation. */
export interface PublicEvaluationData {
  inputs: EvaluationInputs;
  evaluation: LiveEvaluation;
}

/**
 * The plan's evaluation on approved data, with the inputs it was made from, at the year the workspace opens
 * by default too (domain/evaluation-year.ts): both judge the same year the same way.
 */
export async function loadPublicEvaluation(db: Queryable, planId: string): Promise<PublicEvaluationData> {
  const started = performance.now();
  const inputs = await loadEvaluationInputs(db, planId);
  const year = evaluationYear(inputs.plan, new Date(), timeZone());
  const evaluation = evaluateInputs(inputs, { year, method: 'time', scope: 'table' }, started);
  return { inputs, evaluation };
}

export async function publicEvaluation(db: Queryable, planId: string): Promise<LiveEvaluation> {
  return (await loadPublicEvaluation(db, planId)).evaluation;
}

export interface PublicIndicator {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  category: string | null;
  attribute: 'expected' | 'binding';
  baselineYear: number | null;
  baseline: string | null;
  targetYear: number | null;
  target: string | null;
  latestYear: number | null;
  latestValue: number | null;
  latestText: string | null;
  /** Where the latest value comes from (who entered it is not public). */
  latestSource: PublicSource | null;
  verdict: IndicatorEvaluation['verdict'];
  explanation: { zh: string; en: string };
}

export type PublicSource = Omit<Provenance, 'enteredBy'>;

const publicSource = ({ enteredBy: _, ...p }: Provenance): PublicSource => p;

export async function publicIndicators(
  db: Queryable,
  planId: string,
  loaded?: PublicEvaluationData,
): Promise<{ year: number; planTitle: string; items: PublicIndicator[] }> {
  const { inputs, evaluation } = loaded ?? (await loadPublicEvaluation(db, planId));
  const { items } = inputs;
  const latest = new Map<
    string,
    { year: number; value: number | null; text: string | null; source: PublicSource }
  >();
  for (const v of inputs.values) {
    if (v.kind !== 'actual' || v.period !== String(v.year)) continue;
    const prev = latest.get(v.code);
    if (!prev || v.year > prev.year)
      latest.set(v.code, { year: v.year, value: v.value, text: v.text, source: publicSource(v.provenance) });
  }
  const byCode = new Map(evaluation.indicators.map((e) => [e.code, e]));
  return {
    year: evaluation.year,
    planTitle: evaluation.plan.title,
    items: items
      .filter((i) => i.origin === 'table')
      .map((i) => {
        const e = byCode.get(i.code);
        const l = latest.get(i.code);
        return {
          id: i.id,
          code: i.code,
          name: i.name,
          unit: i.unit,
          category: i.category,
          attribute: i.attribute,
          ...writtenGoals(i),
          latestYear: l?.year ?? null,
          latestValue: l?.value ?? null,
          latestText: l?.text ?? null,
          latestSource: l?.source ?? null,
          verdict: e?.verdict ?? 'no_data',
          explanation: e?.explanation ?? { zh: '数据暂缺', en: 'no data yet' },
        };
      }),
  };
}

export interface PublicIndicatorValues {
  indicator: PublicIndicator;
  values: { period: string; year: number; value: number | null; text: string | null; source: PublicSource }[];
  /** Baseline → target in a straight line (the expected path the chart draws). */
  path: { year: number; value: number }[];
  evaluation: IndicatorEvaluation | null;
}

export async function publicIndicatorValues(
  db: Queryable,
  indicatorId: string,
): Promise<PublicIndicatorValues> {
  const planId = await indicatorsRepository.planIdOf(db, indicatorId);
  if (planId === null) throw notFound('Indicator', indicatorId);
  const loaded = await loadPublicEvaluation(db, planId);
  const { evaluation } = loaded;
  const { items } = await publicIndicators(db, planId, loaded);
  const indicator = items.find((i) => i.id === indicatorId);
  if (!indicator) throw notFound('Indicator', indicatorId);
  const values = loaded.inputs.values
    .filter((v) => v.code === indicator.code && v.kind === 'actual')
    .map((v) => ({
      period: v.period,
      year: v.year,
      value: v.value,
      text: v.text,
      source: publicSource(v.provenance),
    }))
    .sort((a, b) => a.period.localeCompare(b.period));
  const e = evaluation.indicators.find((x) => x.code === indicator.code) ?? null;
  const path: { year: number; value: number }[] = [];
  // The straight path from baseline to target; the engine's numbers when it has them (targets stated relative
  // to the baseline are resolved there), the plan's otherwise.
  const base = e?.baseline ?? numeric(indicator.baseline);
  const target = e?.target ?? numeric(indicator.target);
  const from = e?.baselineYear ?? indicator.baselineYear;
  const to = e?.targetYear ?? indicator.targetYear;
  // Which kinds have a path is the domain's answer (kinds.ts): none for a ceiling, a band or a growth rate.
  for (let y = from ?? 0; e !== null && from !== null && to !== null && y <= to; y++) {
    const v = straightPathValue(e.kind, { year: from, value: base }, { year: to, value: target }, y);
    if (v !== null) path.push({ year: y, value: Math.round(v * 1000) / 1000 });
  }
  return { indicator, values, path, evaluation: e };
}

const numeric = (raw: string | null): number | null => {
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : null;
};

export async function publicProjects(db: Queryable, planId: string): Promise<PublicProjectRow[]> {
  return publicRepository.projects(db, planId);
}

/** CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF, quoted fields. */
export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(header: string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell) => {
    const s = v === null || v === undefined ? '' : String(v);
    const safe = neutraliseFormula(s);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
