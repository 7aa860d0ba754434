import type { Queryable } from '../../../db/db.types.ts';
import { assignmentsRepository } from '../../../db/repositories/assignments.repository.ts';
import { indicatorsRepository, type IndicatorRow } from '../../../db/repositories/indicators.repository.ts';
import { plansRepository, type PlanRow } from '../../../db/repositories/plans.repository.ts';
import { notFound } from '../../errors.ts';
import { buildTree, type TreeNode } from './plan-tree.ts';
import type { DepartmentRole } from '../../../domain/plan.ts';
import { iso } from '../../timestamps.ts';

export interface PlanSummary extends Omit<PlanRow, 'createdAt' | 'publishedAt'> {
  createdAt: string;
  publishedAt: string | null;
  label: string;
}

const STATUS_WORDS = { draft: '草稿', published: '已发布', superseded: '已替代' } as const;

export interface IndicatorWithDepartments extends IndicatorRow {
  departments: { code: string; name: string; role: DepartmentRole }[];
}

function present(row: PlanRow): PlanSummary {
  const publishedAt = iso(row.publishedAt);
  const day = (publishedAt ?? iso(row.createdAt)).slice(0, 10);
  return {
    ...row,
    createdAt: iso(row.createdAt),
    publishedAt,
    label: `第${row.version}版 · ${STATUS_WORDS[row.status]} · ${day}`,
  };
}

/** Every version for the planning office; the published versions only for everyone else. */
export async function listPlans(db: Queryable, allVersions = false): Promise<PlanSummary[]> {
  return (await plansRepository.list(db)).filter((p) => allVersions || p.status === 'published').map(present);
}

export async function listPlanVersions(db: Queryable, id: string): Promise<PlanSummary[]> {
  const plan = await getPlan(db, id);
  return (await plansRepository.listVersions(db, plan.key)).map(present);
}

export async function getPlan(db: Queryable, id: string): Promise<PlanSummary> {
  const row = await plansRepository.findById(db, id);
  if (!row) throw notFound('Plan', id);
  return present(row);
}

export async function getPlanTree(
  db: Queryable,
  id: string,
): Promise<{ plan: PlanSummary; nodes: TreeNode[] }> {
  const plan = await getPlan(db, id);
  return { plan, nodes: buildTree(await plansRepository.listNodes(db, id)) };
}

export async function getPlanIndicators(
  db: Queryable,
  id: string,
): Promise<{ plan: PlanSummary; items: IndicatorWithDepartments[] }> {
  const plan = await getPlan(db, id);
  const [indicators, departments] = await Promise.all([
    indicatorsRepository.listByPlan(db, id),
    assignmentsRepository.listIndicatorDepartments(db, id),
  ]);
  const byIndicator = new Map<string, IndicatorWithDepartments['departments']>();
  for (const d of departments) {
    const list = byIndicator.get(d.indicatorId) ?? [];
    list.push({ code: d.code, name: d.name, role: d.role });
    byIndicator.set(d.indicatorId, list);
  }
  return { plan, items: indicators.map((i) => ({ ...i, departments: byIndicator.get(i.id) ?? [] })) };
}
