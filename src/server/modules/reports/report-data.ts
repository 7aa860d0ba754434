/**
 * What a report shows besides the evaluation: indicator metadata, the approved annual values behind the trend
 * charts, task progress, projects with their investment, and area names — read through the owning modules'
 * services and repositories. The live report reads it on every request; an evaluation snapshot freezes it
 * (`FrozenReportData`, stored in `evaluation_snapshots.result.report`) so its report never changes.
 */
import type { Queryable } from '../../../db/db.types.ts';
import { projectsRepository, type InvestmentRow } from '../../../db/repositories/projects.repository.ts';
import { taskWorkRepository } from '../../../db/repositories/task-work.repository.ts';
import type { EvaluationObservation } from '../../../domain/evaluation/index.ts';
import type { Provenance } from '../../../domain/provenance.ts';
import type {
  ProjectProgress,
  ReportAnnualRow,
  ReportIndicatorMeta,
  ReportProject,
  TaskProgress,
} from '../../../reports/types.ts';
import type { EvaluationInputs } from '../live-evaluation/live-evaluation.service.ts';
import type { TreeNode } from '../plans/plan-tree.ts';
import { listProjects, listSpatialUnits } from '../projects/projects.service.ts';
import { executionTable } from '../annual-plan/annual-plan.service.ts';
import type { TaskReportRow } from '../tasks/tasks.service.ts';

/** JSON-safe: what a snapshot stores, and what `reportData` returns. */
export interface FrozenReportData {
  indicators: ReportIndicatorMeta[];
  /** `provenance` is absent in snapshots taken before values carried one. */
  observations: (EvaluationObservation & { code: string; provenance?: Provenance })[];
  taskProgress: TaskProgress[];
  projects: ReportProject[];
  projectProgress: ProjectProgress[];
  /** [spatial unit code, name]. */
  areas: [string, string][];
  /** The report year's execution table (annual targets); absent in snapshots taken before it was frozen. */
  annualPlan?: ReportAnnualRow[];
}

export interface ReportDataOptions {
  /** Indicator codes the evaluation covers (its scope). */
  codes: ReadonlySet<string>;
  /** Task reports up to this year; investment is reported per year and the model picks the report year. */
  year: number;
  /**
   * Quote the progress reports' texts as highlights. Task report texts need a login (`GET /api/tasks/{id}/work`),
   * so the public live report leaves them out; snapshots (login) keep them.
   */
  highlights: boolean;
}

/** The first two sentences of a progress report, at most 160 characters. */
export function highlightOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  const sentences = flat.match(/[^。！？!?]+[。！？!?]?/g) ?? [flat];
  const two = sentences.slice(0, 2).join('').trim();
  return two.length > 160 ? `${two.slice(0, 159)}…` : two;
}

/**
 * Index paths ("3.1.0", the key `taskTreeFromPlan` gives a report's nodes) by node id, for the nodes the roll-up
 * keeps: boxes and figures, and what is inside them, are no tasks.
 */
function indexPathsById(
  nodes: readonly TreeNode[],
  prefix: readonly number[] = [],
  out = new Map<string, string>(),
): Map<string, string> {
  nodes.forEach((n, i) => {
    if (n.kind === 'box' || n.kind === 'figure') return;
    const path = [...prefix, i];
    out.set(n.id, path.join('.'));
    indexPathsById(n.children, path, out);
  });
  return out;
}

function taskProgressOf(
  nodes: readonly TreeNode[],
  latest: readonly TaskReportRow[],
  highlights: boolean,
): TaskProgress[] {
  const keyOf = indexPathsById(nodes);
  const out: TaskProgress[] = [];
  for (const r of latest) {
    const key = keyOf.get(r.nodeId);
    if (key === undefined) continue; // a report on a box or figure: not a task, the roll-up leaves it out too
    out.push({
      key,
      status: r.status,
      percent: r.status === 'completed' ? 100 : r.percent,
      highlight: highlights ? highlightOf(r.text) : null,
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
}

/**
 * Projects in the library with their investment: one `ProjectProgress` per year with a completed figure,
 * cumulative up to that year. A project without a total takes the sum of its planned investment; the stage is
 * the project's current stage.
 */
async function projectsOf(
  db: Queryable,
  planId: string,
): Promise<Pick<FrozenReportData, 'projects' | 'projectProgress' | 'areas'>> {
  const [list, units] = await Promise.all([
    listProjects(db, { planId, inLibrary: 'true' }),
    listSpatialUnits(db),
  ]);
  const investments = await projectsRepository.listInvestments(
    db,
    list.map((p) => p.id),
  );
  const byProject = new Map<string, InvestmentRow[]>();
  for (const i of investments) byProject.set(i.projectId, [...(byProject.get(i.projectId) ?? []), i]);
  const projects: ReportProject[] = [];
  const projectProgress: ProjectProgress[] = [];
  for (const p of list) {
    const rows = [...(byProject.get(p.id) ?? [])].sort((a, b) => a.year - b.year);
    const planned = rows.filter((r) => r.planned !== null);
    const total =
      p.totalInvestment ?? (planned.length > 0 ? planned.reduce((s, r) => s + (r.planned ?? 0), 0) : null);
    projects.push({
      code: p.code,
      name: p.name,
      category: p.category,
      spatialUnitCode: p.spatialUnitCode,
      totalInvestment: total,
      investmentUnit: p.investmentUnit,
      startYear: p.startYear,
      endYear: p.endYear,
    });
    let toDate = 0;
    for (const r of rows) {
      if (r.completed === null) continue;
      toDate += r.completed;
      projectProgress.push({
        code: p.code,
        year: r.year,
        investedToDate: Math.round(toDate * 1e6) / 1e6,
        stage: p.stage,
      });
    }
  }
  return { projects, projectProgress, areas: units.map((u) => [u.code, u.name]) };
}

/**
 * What a report shows besides the evaluation, from what the caller already loaded — the evaluation's inputs, the
 * plan tree and (when it has them) the latest task reports — plus the projects.
 */
export async function reportData(
  db: Queryable,
  planId: string,
  opts: ReportDataOptions & {
    inputs: EvaluationInputs;
    nodes: readonly TreeNode[];
    latestReports?: readonly TaskReportRow[];
  },
): Promise<FrozenReportData> {
  const [latest, projects, execution] = await Promise.all([
    opts.latestReports ?? taskWorkRepository.latestReportsByPlan(db, planId, opts.year),
    projectsOf(db, planId),
    // A report may be about the year before the plan or after it; annual targets exist only inside it.
    opts.year >= opts.inputs.plan.periodStart && opts.year <= opts.inputs.plan.periodEnd
      ? executionTable(db, planId, opts.year, {
          plan: opts.inputs.plan,
          indicators: opts.inputs.items,
          values: opts.inputs.values,
        })
      : [],
  ]);
  const taskProgress = taskProgressOf(opts.nodes, latest, opts.highlights);
  const observations: FrozenReportData['observations'] = [];
  for (const v of opts.inputs.values) {
    // Annual values only, as the evaluation reads them.
    if (v.period !== String(v.year) || !opts.codes.has(v.code)) continue;
    observations.push({
      code: v.code,
      year: v.year,
      value: v.value,
      text: v.text,
      kind: v.kind,
      revision: v.version,
      provenance: v.provenance,
    });
  }
  return {
    indicators: opts.inputs.items
      .filter((i) => opts.codes.has(i.code))
      .map((i) => ({ code: i.code, category: i.category, baselineRaw: i.baseline?.raw ?? null })),
    observations,
    taskProgress,
    ...projects,
    annualPlan: execution
      .filter((r) => r.annualTarget !== null && opts.codes.has(r.code))
      .map((r) => ({
        code: r.code,
        annualTarget: r.annualTarget,
        actual: r.actual,
        completionRate: r.completionRate,
        verdict: r.verdict,
      })),
  };
}

export function observationMap(rows: FrozenReportData['observations']): Map<string, EvaluationObservation[]> {
  const out = new Map<string, EvaluationObservation[]>();
  for (const { code, provenance: _, ...o } of rows) out.set(code, [...(out.get(code) ?? []), o]);
  return out;
}

/** Each value's source by "code@year" (actual values), for the final report's 附表. */
export function sourceMap(rows: FrozenReportData['observations']): Map<string, Provenance> {
  const out = new Map<string, Provenance>();
  for (const r of rows) if (r.provenance && r.kind === 'actual') out.set(`${r.code}@${r.year}`, r.provenance);
  return out;
}
