/**
 * TEST DATA for the report tests — NOT STATISTICS. Values for the SIP 14th plan's 36 table indicators in
 * 2021–2023, progress reports for its tasks and investment figures for its projects, all invented to be
 * plausible and to give every verdict a report has to show (提前实现, 快于预期, 基本符合预期, 滞后, 数据暂缺).
 */
import { readFileSync } from 'node:fs';
import { datasetSchema } from '../../src/domain/dataset.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import type { TaskStatus } from '../../src/domain/evaluation/tasks.ts';
import type { PlanNodeSpec } from '../../src/domain/plan.ts';
import { reportInputFromDataset } from '../../src/reports/from-dataset.ts';
import type { ProgressFile } from '../../src/reports/progress-input.ts';
import type { ReportInput, ReportKind, ReportLang } from '../../src/reports/types.ts';
import { runCli, type CliResult } from './cli.ts';

export const SIP_DATASET_PATH = new URL('../../data/sip-14th/dataset.json', import.meta.url).pathname;

export const REPORT_TEST_DATA_NOTE =
  '测试数据：2021—2023年指标数值、任务进展和项目投资均为虚构的测试数据，不是统计数据。';

/** The 13th plan's final report from Table 1 of the SIP dataset, as `lantu report` flags. */
export const TABLE1_FINAL_REPORT = { table: '1', year: '2020', kind: 'final' } as const;

/** Runs `lantu report --plan <the SIP dataset>` with the given flags (`{ kind: 'final' }` → `--kind final`). */
export function runReportCli(
  flags: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const args = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
  return runCli(['report', '--plan', SIP_DATASET_PATH, ...args], env);
}

/** A fixed clock so snapshots and title pages are reproducible. */
export const REPORT_TEST_NOW = new Date('2024-03-01T08:00:00.000Z');

/** The default dataset without the 14th plan's published values: the report tests judge the invented values below only. */
export function loadSipDataset(): Dataset {
  const dataset = datasetSchema.parse(JSON.parse(readFileSync(SIP_DATASET_PATH, 'utf8')));
  return {
    ...dataset,
    plans: dataset.plans.map((p) => (p.key === 'sip-14th' ? { ...p, observations: [] } : p)),
  };
}

type Row = [
  code: string,
  v2021: number | string | null,
  v2022: number | string | null,
  v2023: number | string | null,
];

/** Test values 2021, 2022, 2023 (null = not reported). */
const VALUES: readonly Row[] = [
  ['T2-01', 8.0, 2.0, 5.8],
  ['T2-02', 11.2, 11.6, 12.4],
  ['T2-03', 52.8, 53.5, 54.1],
  ['T2-04', 7.1, 4.2, 6.3],
  ['T2-05', 108, 121, 130],
  ['T2-06', 11.8, 12.5, 13.1],
  ['T2-07', 1030, 1070, 990],
  ['T2-08', 4100, 4300, 4650],
  ['T2-09', 4.7, 5.0, 5.3],
  ['T2-10', 32, 38, 44],
  ['T2-11', 2400, 3100, 3600],
  ['T2-12', 58, 71, 84],
  ['T2-13', 600, 650, 690],
  ['T2-14', 52.5, 54, 55.6],
  ['T2-15', 17, 20, 26],
  ['T2-16', 25.9, 26.4, 27.1],
  ['T2-17', 73.5, 75.2, 76.9],
  ['T2-18', 23, 26, 29],
  ['T2-19', 68.2, 69.1, 70.0],
  ['T2-20', 7.5, 7.9, 8.6],
  ['T2-21', 7.5, 4.1, 5.4],
  ['T2-22', 1.8, 1.9, 1.85],
  ['T2-23', 85.8, 86.5, 87.2],
  ['T2-24', 3.1, 3.2, 3.25],
  ['T2-25', 6.5, 8.8, 11],
  ['T2-26', 2.1, 2.9, 3.6],
  ['T2-27', 100, 100, 100],
  ['T2-28', 3.4, 3.5, 3.1],
  ['T2-29', '完成', '完成', '完成'],
  ['T2-30', 84.5, 85.1, 83.9],
  ['T2-31', 100, 100, 100],
  ['T2-32', 100, 100, 100],
  ['T2-33', 90.5, 91.2, 91.8],
  ['T2-34', 97.6, 97.9, 98.2],
  ['T2-35', null, null, null],
  ['T2-36', '完成', '完成', '完成'],
];

/** Values the city assigned for `assigned` indicators (kind "assigned" in the CSV). */
const ASSIGNED: readonly Row[] = [
  ['T2-28', 3.0, 3.2, 3.4],
  ['T2-30', 82, 82, 82],
];

/** The verdict each indicator gets for 2023 (time-progress), as the engine judges the values above. */
export const EXPECTED_2023: Readonly<Record<string, string>> = {};

export function reportValuesCsv(upTo = 2023): string {
  const lines = ['indicator,year,value,kind'];
  const years = [2021, 2022, 2023];
  for (const [rows, kind] of [
    [VALUES, 'actual'],
    [ASSIGNED, 'assigned'],
  ] as const) {
    for (const [code, ...vals] of rows) {
      vals.forEach((v, k) => {
        const y = years[k] ?? 0;
        if (v !== null && y <= upTo) lines.push(`${code},${y},${v},${kind}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A deterministic pseudo-random number in [0, 1) from a string. */
function unit(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

/** Leaves of the plan tree under parts 2–5 (tasks, and sections without tasks), by index path. */
function leafKeys(
  nodes: readonly PlanNodeSpec[],
  prefix: number[] = [],
): { key: string; title: string; part: number }[] {
  const out: { key: string; title: string; part: number }[] = [];
  nodes.forEach((n, i) => {
    const path = [...prefix, i];
    if (n.kind === 'box' || n.kind === 'figure' || n.kind === 'preamble') return;
    const kids = n.children.filter((c) => c.kind !== 'box' && c.kind !== 'figure');
    if (kids.length === 0 && (n.kind === 'task' || n.kind === 'section'))
      out.push({ key: path.join('.'), title: n.title, part: path[0] ?? 0 });
    else out.push(...leafKeys(n.children, path));
  });
  return out;
}

/** Progress reports for the tasks of parts 2–5 and investment for every project, as of `year`. */
export function reportProgress(dataset: Dataset, year = 2023): ProgressFile {
  const plan = dataset.plans.find((p) => p.key === 'sip-14th');
  if (plan === undefined) throw new Error('sip-14th missing from the dataset');
  const elapsed = (year - 2020) / 5;
  const tasks = leafKeys(plan.nodes)
    .filter((l) => l.part >= 2 && l.part <= 5)
    .map((l, k) => {
      const r = unit(l.key);
      const status: TaskStatus =
        r < 0.12
          ? 'completed'
          : r < 0.2
            ? 'delayed'
            : r < 0.23
              ? 'blocked'
              : r < 0.27
                ? 'not_started'
                : 'in_progress';
      const percent =
        status === 'completed'
          ? 100
          : status === 'not_started'
            ? 0
            : Math.round(Math.min(95, Math.max(5, elapsed * 100 + (unit(`${l.key}p`) - 0.6) * 50)));
      return {
        key: l.key,
        status,
        percent,
        highlight: k % 9 === 0 ? `测试数据：${l.title}年度工作按计划推进` : null,
      };
    });
  const projects = dataset.projects
    .filter((p) => p.planKey === 'sip-14th')
    .flatMap((p, k) => {
      const total = p.totalInvestment ?? 20 + Math.round(unit(p.code) * 180);
      const pace = 0.35 + unit(`${p.code}i`) * 0.6;
      return [2021, 2022, 2023]
        .filter((y) => y <= year)
        .map((y) => ({
          code: p.code,
          year: y,
          investedToDate: Math.round(total * Math.min(1, pace * ((y - 2020) / 5)) * 10) / 10,
          stage: y === 2021 ? '前期' : k % 4 === 0 ? '竣工' : '在建',
          ...(p.totalInvestment === null ? { totalInvestment: total } : {}),
        }));
    });
  return { tasks, projects };
}

/** The year the report tests write each kind of report for. */
export const REPORT_TEST_YEAR: Readonly<Record<ReportKind, number>> = {
  annual: 2022,
  midterm: 2023,
  final: 2025,
};

/**
 * The report input for `kind` in its test year: the invented values and task progress (to 2023 at the latest),
 * the fixed clock and the test-data note; `sparse` leaves the values and the progress out.
 */
export function reportTestInput(
  dataset: Dataset,
  kind: ReportKind,
  opts: { lang?: ReportLang; sparse?: boolean } = {},
): ReportInput {
  const year = REPORT_TEST_YEAR[kind];
  return reportInputFromDataset(dataset, {
    kind,
    year,
    lang: opts.lang,
    valuesCsv: opts.sparse ? null : reportValuesCsv(),
    progress: opts.sparse ? undefined : reportProgress(dataset, Math.min(year, 2023)),
    engineVersion: '9.9.9-test',
    now: REPORT_TEST_NOW,
    dataNote: REPORT_TEST_DATA_NOTE,
  });
}
