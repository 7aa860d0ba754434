/** What the portal's pages show beyond the public API: the plan header and the years a report exists for. */
import type { Queryable } from '../../../db/db.types.ts';
import { feedbackRepository } from '../../../db/repositories/feedback.repository.ts';
import { plansRepository, type NodeRow } from '../../../db/repositories/plans.repository.ts';
import { supervisionRepository } from '../../../db/repositories/supervision.repository.ts';
import { evaluationYear } from '../../../domain/evaluation-year.ts';
import type { Verdict } from '../../../domain/evaluation/types.ts';
import { isBehind } from '../../../domain/evaluation/verdict.ts';
import { countNodes } from '../../../domain/plan.ts';
import { notFound } from '../../errors.ts';
import { timeZone } from '../../time-zone.ts';
import { getPlan, getPlanTree } from '../plans/plans.service.ts';
import { getTaskWork, latestTaskReports } from '../tasks/tasks.service.ts';
import type { LatestByNode, PublicTaskWork } from './portal.task-page.ts';
import type { PlanHeader } from './portal.pages.ts';

export async function planHeader(db: Queryable, planId: string): Promise<PlanHeader> {
  const { plan, nodes } = await getPlanTree(db, planId);
  return {
    id: plan.id,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    visionYear: plan.visionYear,
    counts: {
      parts: countNodes(nodes, 'part'),
      chapters: countNodes(nodes, 'chapter'),
      sections: countNodes(nodes, 'section'),
      tasks: countNodes(nodes, 'task'),
    },
  };
}

/** The years with a report to download, newest first: from the year the portal judges (evaluationYear) back. */
export function reportYears(plan: PlanHeader, now = new Date()): number[] {
  const years: number[] = [];
  for (let y = evaluationYear(plan, now, timeZone()); y >= plan.periodStart; y--) years.push(y);
  return years;
}

/** A plan node's page: its plan and every node of it (for the trail and the contents); not_found if none. */
export async function nodePageData(
  db: Queryable,
  nodeId: string,
): Promise<{ plan: { title: string }; nodes: NodeRow[]; node: NodeRow; latest: LatestByNode }> {
  const planId = (await feedbackRepository.findTarget(db, 'node', nodeId))?.planId;
  if (!planId) throw notFound('Plan node', nodeId);
  const { plan, nodes, latest } = await planOutlineData(db, planId);
  const node = nodes.find((n) => n.id === nodeId);
  if (!node) throw notFound('Plan node', nodeId);
  return { plan, nodes, node, latest };
}

export type PortalMeasure = Awaited<ReturnType<typeof supervisionRepository.measuresOfSubject>>[number];

/**
 * The corrective measures the portal shows under an indicator: only when it is behind and its plan's setting
 * `publicMeasures` is on (issue 16 §4); the measures of its 督办单 in progress or closed.
 */
export async function indicatorMeasures(
  db: Queryable,
  indicatorId: string,
  verdict: Verdict,
): Promise<PortalMeasure[]> {
  if (!isBehind(verdict)) return [];
  const subject = await supervisionRepository.subject(db, 'indicator', indicatorId);
  if (!subject || !(await supervisionRepository.publicMeasures(db, subject.planId))) return [];
  return supervisionRepository.measuresOfSubject(db, 'indicator', indicatorId);
}

/** 规划任务: the plan's nodes and the latest report of each task. */
export async function planOutlineData(
  db: Queryable,
  planId: string,
): Promise<{ plan: { title: string }; nodes: NodeRow[]; latest: LatestByNode }> {
  const [plan, nodes, latest] = await Promise.all([
    getPlan(db, planId),
    plansRepository.listNodes(db, planId),
    latestTaskReports(db, planId),
  ]);
  return { plan, nodes, latest: new Map(latest.map((r) => [r.nodeId, r])) };
}

/** A task's reports and milestones as the public sees them (no reporter, no files). */
export async function publicTaskWork(db: Queryable, nodeId: string): Promise<PublicTaskWork> {
  const work = await getTaskWork(db, nodeId);
  return {
    workPlans: work.workPlans.map((w) => ({
      year: w.year,
      summary: w.summary,
      milestones: w.milestones.map(({ title, dueDate, completedOn }) => ({ title, dueDate, completedOn })),
    })),
    reports: work.reports.map(({ year, status, percent, text, createdAt }) => ({
      year,
      status,
      percent,
      text,
      createdAt,
    })),
  };
}
