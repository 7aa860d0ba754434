/**
 * Evaluation reports: the inputs a report is drawn from, and the format-neutral model the .docx, .xlsx and .md
 * writers render. Every figure in a report comes from one `PlanEvaluation` (a snapshot) plus the progress
 * reports and project figures passed alongside it.
 */
import type { PlanEvaluation } from '../domain/evaluation/summary.ts';
import type { TaskReport } from '../domain/evaluation/tasks.ts';
import type { EvaluationObservation } from '../domain/evaluation/types.ts';
import type { PlanNodeSpec } from '../domain/plan.ts';
import type { Provenance } from '../domain/provenance.ts';

export const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['docx', 'xlsx', 'md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGS = ['zh', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** The evaluation snapshot a report is drawn from; printed in every page footer. */
export interface ReportSnapshot {
  /** Snapshot id, or "live-<hash>" for a report computed on the fly. */
  id: string;
  engineVersion: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface ReportPlanMeta {
  key: string;
  title: string;
  shortTitle: string | null;
  issuer: string | null;
  periodStart: number;
  periodEnd: number;
}

/** What the evaluation does not carry about an indicator but the table shows. */
export interface ReportIndicatorMeta {
  code: string;
  category: string | null;
  /** The baseline as printed in the plan (e.g. "90以上", "完成市下达任务"). */
  baselineRaw: string | null;
}

/** One indicator's row of the year's execution table (issue 16 §2), as the annual plan module computes it. */
export interface ReportAnnualRow {
  code: string;
  annualTarget: number | null;
  actual: number | null;
  /** 完成率 as a share (1 = 100 %), in the indicator's direction. */
  completionRate: number | null;
  verdict: 'achieved' | 'nearly' | 'missed' | 'no_data' | 'no_target';
}

/** One department's row of the year's 部门考核 (issue 16 §6), as the assessment module scores it. */
export interface ReportAssessmentRow {
  rank: number;
  department: string;
  criteria: readonly { title: { zh: string; en: string }; weight: number; points: number }[];
  /** The score from the criteria, before the assessment team's adjustments. */
  base: number;
  adjustment: number;
  score: number;
}

/** A task's latest progress report, keyed by the node's index path ("3.1.0.1", as `taskTreeFromPlan` uses). */
export interface TaskProgress extends TaskReport {
  key: string;
  /** A highlight from the progress report (one or two sentences written by the department). */
  highlight: string | null;
}

export interface ReportProject {
  code: string;
  name: string;
  category: string | null;
  spatialUnitCode: string | null;
  totalInvestment: number | null;
  investmentUnit: string | null;
  startYear: number | null;
  endYear: number | null;
}

/** Investment completed on a project up to the end of `year` (same unit as its total investment). */
export interface ProjectProgress {
  code: string;
  year: number;
  investedToDate: number;
  stage: string | null;
}

export interface ReportInput {
  kind: ReportKind;
  lang: ReportLang;
  plan: ReportPlanMeta;
  evaluation: PlanEvaluation;
  indicators: readonly ReportIndicatorMeta[];
  /** The observations the evaluation read, keyed by indicator code (trend charts and the raw-values sheet). */
  observations: ReadonlyMap<string, readonly EvaluationObservation[]>;
  /** The plan tree (篇/章/节/tasks); empty when the plan has none (e.g. a plan known only by its table). */
  nodes: readonly PlanNodeSpec[];
  taskProgress: readonly TaskProgress[];
  projects: readonly ReportProject[];
  projectProgress: readonly ProjectProgress[];
  /** Spatial unit code → name, for the by-area table. */
  areas: ReadonlyMap<string, string>;
  snapshot: ReportSnapshot;
  /** Date printed on the title page (YYYY-MM-DD); defaults to the snapshot's date. */
  issuedOn?: string;
  /** A line printed under the title (e.g. "测试数据" for fixtures). */
  dataNote?: string | null;
  /** The report year's annual targets and results (年度计划执行情况); absent or empty when none is set. */
  annualPlan?: readonly ReportAnnualRow[];
  /** The year's department assessment (部门考核), when the report was asked to include it. */
  assessment?: { asOf: string; rows: readonly ReportAssessmentRow[] } | null;
  /** Where each value comes from, keyed "code@year" (the final report's 附表 prints it). */
  sources?: ReadonlyMap<string, Provenance>;
  /** The zone times are printed in (the appendix's snapshot time); Asia/Shanghai when absent. */
  timeZone?: string;
}

// ---------------------------------------------------------------- model

export type Tone = 'green' | 'blue' | 'yellow' | 'red' | 'grey';

export interface Cell {
  text: string;
  /** The number behind the text, written as a number in .xlsx. */
  value?: number | null;
  tone?: Tone;
  bold?: boolean;
}

export interface TableBlock {
  type: 'table';
  /** Stable id: "indicators", "verdicts", "tasks", "projects-by-category", … */
  id: string;
  caption: string;
  columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
  rows: Cell[][];
  /** Indicator codes, one per row, for tables with one row per indicator. */
  rowKeys?: string[];
}

export type ChartSpec =
  | { kind: 'verdicts'; title: string; items: { label: string; count: number; tone: Tone }[] }
  | {
      kind: 'trend';
      title: string;
      unit: string | null;
      years: number[];
      actual: (number | null)[];
      path: (number | null)[];
      target: number | null;
      labels: { actual: string; path: string; target: string };
    }
  | {
      kind: 'bars';
      title: string;
      unit: string | null;
      categories: string[];
      series: { name: string; values: (number | null)[]; tone: Tone }[];
    };

export interface ChartBlock {
  type: 'chart';
  id: string;
  caption: string;
  spec: ChartSpec;
  width: number;
  height: number;
}

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string; style?: 'body' | 'note' }
  | { type: 'bullets'; items: string[] }
  | TableBlock
  | ChartBlock
  | { type: 'toc'; title: string }
  | { type: 'pageBreak' };

export interface ReportModel {
  kind: ReportKind;
  lang: ReportLang;
  year: number;
  plan: ReportPlanMeta;
  snapshot: ReportSnapshot;
  /** Title page. */
  cover: {
    planTitle: string;
    reportTitle: string;
    period: string;
    issuer: string | null;
    date: string;
    draftMark: string;
    dataNote: string | null;
  };
  /** Printed in every page header and footer. */
  header: string;
  footer: string;
  blocks: Block[];
  /** Raw values for the .xlsx "raw values" sheet. */
  rawValues: {
    code: string;
    name: string;
    unit: string | null;
    year: number;
    value: number | null;
    text: string | null;
    kind: string;
  }[];
  /** Labels the writers need. */
  labels: {
    rawSheet: string;
    rawColumns: [string, string, string, string, string, string, string];
    page: string;
    of: string;
    chartFailed: string;
  };
}
