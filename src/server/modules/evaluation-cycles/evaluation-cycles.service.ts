import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import {
  evaluationSnapshotsRepository,
  type SnapshotKind,
  type SnapshotRow,
  type SnapshotSummaryRow,
} from '../../../db/repositories/evaluation-snapshots.repository.ts';
import { taskWorkRepository } from '../../../db/repositories/task-work.repository.ts';
import { observationsRepository } from '../../../db/repositories/observations.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { Method } from '../../../domain/evaluation/index.ts';
import { ENGINE_VERSION } from '../../../domain/evaluation/version.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/policy.ts';
import {
  evaluateInputs,
  loadEvaluationInputs,
  type IndicatorScope,
  type LiveEvaluation,
} from '../live-evaluation/live-evaluation.service.ts';
import { getPlan, getPlanTree } from '../plans/plans.service.ts';
import { reportData, type FrozenReportData } from '../reports/report-data.ts';
import { progressOfTree, type PlanProgress } from '../tasks/tasks.service.ts';
import { iso } from '../../timestamps.ts';

/** What a snapshot freezes (stored as jsonb, read back as the same shape). */
export interface SnapshotResult {
  evaluation: LiveEvaluation;
  tasks: PlanProgress;
  scope: IndicatorScope;
  frozenAt: string;
  /** What the snapshot's report shows besides the evaluation (absent in snapshots frozen before reports). */
  report?: FrozenReportData;
}

function presentSummary(s: SnapshotSummaryRow) {
  return { ...s, method: s.method as Method, createdAt: iso(s.createdAt) };
}

/** Freezes the engine's verdicts on approved values and the task roll-up, with the engine version. */
export async function createSnapshot(
  db: Db,
  user: SessionUser,
  q: { planId: string; year: number; method: Method; kind: SnapshotKind; scope: IndicatorScope },
) {
  const plan = await getPlan(db, q.planId);
  if (q.year < plan.periodStart - 1 || q.year > plan.periodEnd + 5)
    throw new LantuError('validation_failed', {
      zh: `${q.year}年不在规划期 ${plan.periodStart}—${plan.periodEnd}年内（可评估 ${plan.periodStart - 1}—${plan.periodEnd + 5}年）`,
      en: `Year ${q.year} is outside the plan period ${plan.periodStart}–${plan.periodEnd} (evaluate a year from ${plan.periodStart - 1} to ${plan.periodEnd + 5})`,
    });
  const id = await db.transaction(async (tx) => {
    // Read inside the transaction, so the snapshot is one consistent view of the approved data.
    // Each input is read once: the evaluation's inputs, the plan tree and the latest task reports feed the
    // verdicts, the task roll-up and the report data alike.
    const started = performance.now();
    const inputs = await loadEvaluationInputs(tx, q.planId);
    const evaluation = evaluateInputs(inputs, { year: q.year, method: q.method, scope: q.scope }, started);
    const [{ nodes }, latestReports] = await Promise.all([
      getPlanTree(tx, q.planId),
      taskWorkRepository.latestReportsByPlan(tx, q.planId, q.year),
    ]);
    const tasks = progressOfTree(q.planId, nodes, latestReports, { year: q.year, unreportedAsZero: 'false' });
    const codes = new Set(evaluation.indicators.map((i) => i.code));
    const report = await reportData(tx, q.planId, {
      codes,
      year: q.year,
      highlights: true,
      inputs,
      nodes,
      latestReports,
    });
    const result: SnapshotResult = {
      evaluation,
      tasks,
      scope: q.scope,
      frozenAt: new Date().toISOString(),
      report,
    };
    const snapshotId = await evaluationSnapshotsRepository.insert(tx, {
      planId: q.planId,
      year: q.year,
      method: q.method,
      kind: q.kind,
      engineVersion: ENGINE_VERSION,
      result,
      by: user.id,
    });
    await recordAudit(tx, user, 'create', 'evaluation_snapshot', snapshotId, {
      before: null,
      after: { ...q, engineVersion: ENGINE_VERSION, summary: evaluation.summary.counts },
    });
    return snapshotId;
  });
  return getSnapshot(db, id);
}

export async function listSnapshots(db: Queryable, planId: string | undefined) {
  return (await evaluationSnapshotsRepository.list(db, planId ?? null)).map(presentSummary);
}

async function snapshotOr404(db: Queryable, id: string): Promise<SnapshotRow> {
  const s = await evaluationSnapshotsRepository.find(db, id);
  if (!s) throw notFound('Evaluation snapshot', id);
  return s;
}

export async function getSnapshot(db: Queryable, id: string) {
  const s = await snapshotOr404(db, id);
  const assessments = await evaluationSnapshotsRepository.listAssessments(db, id);
  return {
    ...presentSummary(s),
    result: s.result as SnapshotResult,
    assessments: assessments.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
  };
}

/**
 * Self-assessment by the departments responsible for the indicator or task; third-party assessment by
 * assessors. The planning office commissions evaluations but does not grade them.
 */
export async function addAssessment(
  db: Db,
  user: SessionUser,
  snapshotId: string,
  a: {
    indicatorId?: string;
    nodeId?: string;
    score?: number | null;
    verdict: string;
    comment?: string | null;
  },
) {
  const s = await snapshotOr404(db, snapshotId);
  const item =
    a.indicatorId !== undefined
      ? { kind: 'indicator' as const, it: await observationsRepository.findIndicator(db, a.indicatorId) }
      : { kind: 'task' as const, it: await taskWorkRepository.findNode(db, a.nodeId!) };
  if (!item.it)
    throw notFound(item.kind === 'indicator' ? 'Indicator' : 'Plan node', a.indicatorId ?? a.nodeId!);
  if (item.it.planId !== s.planId)
    throw new LantuError('validation_failed', {
      zh: '不属于该评估的规划',
      en: 'The indicator or task belongs to another plan',
    });
  if (item.kind === 'indicator') authorize(user, 'assess', 'indicator', item.it);
  else authorize(user, 'assess', 'task', item.it);
  const source = user.role === 'assessor' ? 'third_party' : 'self';
  const id = await db.transaction(async (tx) => {
    const assessmentId = await evaluationSnapshotsRepository.insertAssessment(tx, {
      snapshotId,
      source,
      indicatorId: a.indicatorId ?? null,
      nodeId: a.nodeId ?? null,
      score: a.score ?? null,
      verdict: a.verdict,
      comment: a.comment ?? null,
      by: user.id,
    });
    await recordAudit(tx, user, 'create', 'assessment', assessmentId, {
      before: null,
      after: { snapshotId, source, ...a },
    });
    return assessmentId;
  });
  return (await getSnapshot(db, snapshotId)).assessments.find((x) => x.id === id)!;
}
