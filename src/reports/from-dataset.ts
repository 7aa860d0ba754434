/**
 * A report's input from a Dataset (a plan document imported on the fly, or a dataset JSON file) and an optional
 * values CSV and progress file — what `lantu report` and the tests use. Pure apart from hashing.
 */
import type { Dataset } from '../domain/dataset.ts';
import { LantuError } from '../domain/errors.ts';
import {
  csvObservations,
  datasetObservations,
  mergeObservations,
  selectPlan,
} from '../domain/evaluation/dataset-input.ts';
import { evaluatePlan } from '../domain/evaluation/summary.ts';
import type { EvaluationObservation, Method } from '../domain/evaluation/types.ts';
import type { Provenance } from '../domain/provenance.ts';
import { parseProgressFile } from './progress-input.ts';
import { liveSnapshot } from './snapshot.ts';
import type {
  ReportInput,
  ReportKind,
  ReportLang,
  ReportPlanMeta,
  ReportProject,
  ReportSnapshot,
} from './types.ts';

export interface DatasetReportOptions {
  kind: ReportKind;
  lang?: ReportLang;
  year?: number;
  method?: Method;
  /** Report on the indicators of table N (1 = the previous plan's results). */
  table?: number | null;
  /** A values CSV (indicator,year,value[,kind]); its rows override the dataset's. */
  valuesCsv?: string | null;
  /** A parsed progress JSON file (see progress-input.ts). */
  progress?: unknown;
  engineVersion: string;
  /** A stored snapshot; default: a live snapshot over the evaluation. */
  snapshot?: ReportSnapshot;
  now?: Date;
  dataNote?: string | null;
}

/** The year a report of this kind is about when none is given. */
export function defaultReportYear(
  kind: ReportKind,
  period: { periodStart: number; periodEnd: number },
  latestDataYear: number | null,
): number {
  switch (kind) {
    case 'annual':
      return latestDataYear !== null
        ? Math.min(Math.max(latestDataYear, period.periodStart), period.periodEnd)
        : period.periodStart;
    case 'midterm':
      return period.periodStart + Math.floor((period.periodEnd - period.periodStart) / 2);
    case 'final':
      return period.periodEnd;
  }
}

export function checkReportYear(
  kind: ReportKind,
  year: number,
  period: { periodStart: number; periodEnd: number },
): void {
  if (year < period.periodStart - 1 || year > period.periodEnd + 5) {
    throw new LantuError(
      'bad_request',
      {
        zh: `${year}年不在规划期 ${period.periodStart}—${period.periodEnd}年内`,
        en: `year ${year} is outside the plan period ${period.periodStart}–${period.periodEnd}`,
      },
      { year },
    );
  }
  if (kind === 'final' && year < period.periodEnd) {
    throw new LantuError(
      'bad_request',
      {
        zh: `总结评估报告针对规划期最后一年（${period.periodEnd}年），收到 ${year}年`,
        en: `a final report is about the plan's last year (${period.periodEnd}); got ${year}`,
      },
      { year, periodEnd: period.periodEnd },
    );
  }
}

/** The dataset's sources by "code@year"; values a CSV gave (they replace the dataset's) are the file's. */
function datasetSources(
  plan: Dataset['plans'][number],
  fromCsv: ReadonlyMap<string, readonly EvaluationObservation[]> | null,
): Map<string, Provenance> {
  const out = new Map<string, Provenance>();
  for (const o of plan.observations)
    if (o.source !== null && o.kind === 'actual')
      out.set(`${o.code}@${o.year}`, { ...o.source, revision: o.revision });
  if (fromCsv !== null) {
    const stated = new Map(plan.observations.map((o) => [`${o.code}@${o.year}`, o.value]));
    for (const [code, list] of fromCsv)
      for (const o of list)
        if (stated.get(`${code}@${o.year}`) !== o.value)
          out.set(`${code}@${o.year}`, {
            kind: 'imported',
            title: 'values file',
            url: null,
            quote: null,
            releasedOn: null,
            basis: null,
            enteredBy: null,
            revision: o.revision ?? 1,
          });
  }
  return out;
}

/** What a report prints of its plan (the title page and headings), from any record that holds it. */
export function reportPlanMeta(plan: ReportPlanMeta): ReportPlanMeta {
  return {
    key: plan.key,
    title: plan.title,
    shortTitle: plan.shortTitle,
    issuer: plan.issuer,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  };
}

export function reportInputFromDataset(dataset: Dataset, opts: DatasetReportOptions): ReportInput {
  const selected = selectPlan(dataset, { table: opts.table ?? null });
  if (!selected.ok) throw selected.error;
  const { plan, indicators } = selected.value;
  let observations: Map<string, EvaluationObservation[]> = datasetObservations(plan, indicators);
  if (opts.valuesCsv != null) {
    const fromCsv = csvObservations(opts.valuesCsv, indicators);
    if (!fromCsv.ok) throw fromCsv.error;
    observations = mergeObservations(observations, fromCsv.value);
  }
  const years = [...observations.values()].flat().map((o) => o.year);
  const year = opts.year ?? defaultReportYear(opts.kind, plan, years.length > 0 ? Math.max(...years) : null);
  checkReportYear(opts.kind, year, plan);
  const method = opts.method ?? 'time';
  const evaluation = evaluatePlan({
    indicators,
    observations,
    year,
    method,
    options: { periodStart: plan.periodStart, periodEnd: plan.periodEnd },
  });
  let projects: ReportProject[] = dataset.projects
    .filter((p) => p.planKey === plan.key)
    .map((p) => ({
      code: p.code,
      name: p.name,
      category: p.category,
      spatialUnitCode: p.spatialUnitCode,
      totalInvestment: p.totalInvestment,
      investmentUnit: p.investmentUnit,
      startYear: p.startYear,
      endYear: p.endYear,
    }));
  const progress =
    opts.progress !== undefined && opts.progress !== null
      ? parseProgressFile(opts.progress, plan.nodes, projects)
      : { tasks: [], projects: [], totals: new Map<string, number>() };
  projects = projects.map((p) =>
    p.totalInvestment === null && progress.totals.has(p.code)
      ? {
          ...p,
          totalInvestment: progress.totals.get(p.code) ?? null,
          investmentUnit: p.investmentUnit ?? '亿元',
        }
      : p,
  );
  const snapshot =
    opts.snapshot ??
    liveSnapshot(
      evaluation,
      opts.engineVersion,
      { plan: plan.key, tasks: progress.tasks, projects: progress.projects, totals: [...progress.totals] },
      opts.now,
    );
  return {
    kind: opts.kind,
    lang: opts.lang ?? 'zh',
    plan: reportPlanMeta(plan),
    evaluation,
    indicators: indicators.map((i) => ({
      code: i.code,
      category: i.category,
      baselineRaw: i.baseline?.raw ?? null,
    })),
    observations,
    sources: datasetSources(plan, opts.valuesCsv != null ? observations : null),
    nodes: plan.nodes,
    taskProgress: progress.tasks,
    projects,
    projectProgress: progress.projects,
    areas: new Map(dataset.spatialUnits.map((u) => [u.code, u.name])),
    snapshot,
    dataNote: opts.dataNote ?? null,
  };
}
