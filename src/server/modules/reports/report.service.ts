import type { Queryable } from '../../../db/db.types.ts';
import { LantuError } from '../../../domain/errors.ts';
import { ENGINE_VERSION } from '../../../domain/evaluation/version.ts';
import { checkReportYear, reportPlanMeta } from '../../../reports/from-dataset.ts';
import type { RenderedReport } from '../../../reports/render.ts';
import { liveSnapshot } from '../../../reports/snapshot.ts';
import type { ReportFormat, ReportInput, ReportLang, ReportPlanMeta } from '../../../reports/types.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';
import { timeZone } from '../../time-zone.ts';
import { assessDepartments } from '../assessment/assessment.service.ts';
import { getSnapshot } from '../evaluation-cycles/evaluation-cycles.service.ts';
import { evaluateInputs, loadEvaluationInputs } from '../live-evaluation/live-evaluation.service.ts';
import { getPlanTree } from '../plans/plans.service.ts';
import { observationMap, reportData, sourceMap, type FrozenReportData } from './report-data.ts';
import type { ReportQuery } from './reports.schemas.ts';

async function render(input: ReportInput, format: ReportFormat): Promise<RenderedReport> {
  // Loaded on first use: docx, exceljs and echarts take seconds to import on a busy machine.
  const { renderReport } = await import('../../../reports/render.ts');
  return renderReport(input, format);
}

function fromData(
  d: FrozenReportData,
): Pick<
  ReportInput,
  | 'indicators'
  | 'observations'
  | 'taskProgress'
  | 'projects'
  | 'projectProgress'
  | 'areas'
  | 'sources'
  | 'annualPlan'
> {
  return {
    indicators: d.indicators,
    observations: observationMap(d.observations),
    sources: sourceMap(d.observations),
    taskProgress: d.taskProgress,
    projects: d.projects,
    projectProgress: d.projectProgress,
    areas: new Map(d.areas),
    annualPlan: d.annualPlan ?? [],
  };
}

/** The renderer's input: the plan's own fields, the evaluation, the tree and what the report read or froze. */
function reportInput(r: {
  kind: ReportInput['kind'];
  lang: ReportLang;
  plan: ReportPlanMeta;
  evaluation: ReportInput['evaluation'];
  nodes: ReportInput['nodes'];
  data: FrozenReportData;
  snapshot: ReportInput['snapshot'];
  assessment?: ReportInput['assessment'];
}): ReportInput {
  const { data, plan, ...rest } = r;
  return { ...rest, plan: reportPlanMeta(plan), ...fromData(data), timeZone: timeZone() };
}

/**
 * A report computed from the live evaluation (approved values only), with task progress (statuses and
 * percentages, no report texts: this route is public) and project investment from the database. Its snapshot
 * id is "live-" + a hash of everything it shows.
 */
export async function buildLiveReport(
  db: Queryable,
  planId: string,
  q: ReportQuery,
  format: ReportFormat,
  user: SessionUser | null = null,
): Promise<RenderedReport> {
  const started = performance.now();
  // The department scores are the office's and the assessment team's: asked for, they need such a login.
  let assessment: ReportInput['assessment'] = null;
  if (q.assessment) {
    if (!user)
      throw new LantuError('unauthenticated', {
        zh: '请先登录',
        en: 'Log in to include the department assessment',
      });
    authorize(user, 'reportAssessment', 'office');
    const a = await assessDepartments(db, user, planId, { year: q.year });
    assessment = {
      asOf: a.asOf,
      rows: a.departments.map((d) => ({
        rank: d.rank,
        department: d.department.name,
        criteria: d.criteria.map((c) => ({ title: c.title, weight: c.weight, points: c.points })),
        base: d.base,
        adjustment: d.adjustment,
        score: d.score,
      })),
    };
  }
  const [inputs, tree] = await Promise.all([loadEvaluationInputs(db, planId), getPlanTree(db, planId)]);
  const live = evaluateInputs(inputs, { year: q.year, method: q.method, scope: 'table' }, started);
  const { plan, ids: _ids, ...evaluation } = live;
  checkReportYear(q.kind, q.year, plan);
  const data = await reportData(db, planId, {
    codes: new Set(evaluation.indicators.map((i) => i.code)),
    year: q.year,
    highlights: false,
    inputs,
    nodes: tree.nodes,
  });
  const snapshot = liveSnapshot(evaluation, ENGINE_VERSION, { plan: plan.id, data, assessment });
  return render(
    reportInput({
      kind: q.kind,
      lang: q.lang,
      plan,
      evaluation,
      nodes: tree.nodes,
      data,
      snapshot,
      assessment,
    }),
    format,
  );
}

/**
 * The report of a stored evaluation snapshot: every figure comes from what `POST /api/evaluations` froze
 * (verdicts, values, task progress with highlights, project investment); the report kind and year are the
 * snapshot's, and its id and engine version are printed in the footer. Only the plan tree (titles, immutable
 * per plan version) is read live.
 */
export async function buildSnapshotReport(
  db: Queryable,
  snapshotId: string,
  lang: ReportLang,
  format: ReportFormat,
): Promise<RenderedReport> {
  const s = await getSnapshot(db, snapshotId);
  const frozen = s.result.report;
  if (frozen === undefined) {
    throw new LantuError(
      'conflict',
      {
        zh: '该快照不含报告数据，请重新生成评估快照',
        en: 'This snapshot was frozen before reports could be drawn from snapshots; freeze a new one',
      },
      {
        snapshotId,
      },
    );
  }
  const { plan, ids: _ids, ...evaluation } = s.result.evaluation;
  checkReportYear(s.kind, s.year, plan);
  const tree = await getPlanTree(db, s.planId);
  const snapshot = { id: s.id, engineVersion: s.engineVersion, createdAt: s.createdAt };
  return render(
    reportInput({ kind: s.kind, lang, plan, evaluation, nodes: tree.nodes, data: frozen, snapshot }),
    format,
  );
}
