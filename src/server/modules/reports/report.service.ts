import type { Queryable } from '../../../db/db.types.ts';
import { listApprovedValues } from '../../../db/repositories/observations.repository.ts';
import type { EvaluationObservation } from '../../../domain/evaluation/index.ts';
import { checkReportYear } from '../../../reports/from-dataset.ts';
import type { RenderedReport } from '../../../reports/render.ts';
import { liveSnapshot } from '../../../reports/snapshot.ts';
import type { ReportFormat, ReportInput, ReportSnapshot } from '../../../reports/types.ts';
import { evaluatePlanLive } from '../evaluations/evaluation.service.ts';
import { getPlanIndicators, getPlanTree } from '../plans/plans.service.ts';
import type { ReportQuery } from './reports.schemas.ts';

/**
 * A report computed from the live evaluation (approved values only). Its snapshot id is "live-" + a hash of
 * the evaluation; stored snapshots (POST /api/evaluations) will pass their own `snapshot` instead.
 * Task progress and project investment are not read from the database yet (see docs/reports.md).
 */
export async function buildLiveReport(
  db: Queryable,
  planId: string,
  q: ReportQuery,
  format: ReportFormat,
  engineVersion: string,
  snapshot?: ReportSnapshot,
): Promise<RenderedReport> {
  const [live, meta, tree, values] = await Promise.all([
    evaluatePlanLive(db, planId, { year: q.year, method: q.method, scope: 'table' }),
    getPlanIndicators(db, planId),
    getPlanTree(db, planId),
    listApprovedValues(db, planId),
  ]);
  const { plan, ids: _ids, ...evaluation } = live;
  checkReportYear(q.kind, q.year, plan);
  const observations = new Map<string, EvaluationObservation[]>();
  for (const v of values) {
    if (v.period !== String(v.year)) continue;
    const list = observations.get(v.code) ?? [];
    list.push({ year: v.year, value: v.value, text: v.text, kind: v.kind, revision: v.version });
    observations.set(v.code, list);
  }
  const codes = new Set(evaluation.indicators.map((i) => i.code));
  const input: ReportInput = {
    kind: q.kind,
    lang: q.lang,
    plan: { key: plan.key, title: plan.title, shortTitle: plan.shortTitle, issuer: plan.issuer, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    evaluation,
    indicators: meta.items.filter((i) => codes.has(i.code)).map((i) => ({ code: i.code, category: i.category, baselineRaw: i.baseline?.raw ?? null })),
    observations,
    nodes: tree.nodes,
    taskProgress: [],
    projects: [],
    projectProgress: [],
    areas: new Map(),
    snapshot: snapshot ?? liveSnapshot(evaluation, engineVersion, { plan: plan.id }),
  };
  // Loaded on first use: docx, exceljs and echarts take seconds to import on a busy machine.
  const { renderReport } = await import('../../../reports/render.ts');
  return renderReport(input, format);
}
