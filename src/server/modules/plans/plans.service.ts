import type { Queryable } from '../../../db/db.types.ts';
import { assignmentsRepository } from '../../../db/repositories/assignments.repository.ts';
import { indicatorsRepository, type IndicatorRow } from '../../../db/repositories/indicators.repository.ts';
import { plansRepository, type PlanRow } from '../../../db/repositories/plans.repository.ts';
import { notFound } from '../../errors.ts';
import { buildTree, type TreeNode } from './plan-tree.ts';

export interface PlanSummary extends Omit<PlanRow, 'createdAt'> {
  createdAt: string;
}

export interface IndicatorWithDepartments extends IndicatorRow {
  departments: { code: string; name: string; role: 'lead' | 'co' }[];
}

function present(row: PlanRow): PlanSummary {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

export async function listPlans(db: Queryable): Promise<PlanSummary[]> {
  return (await plansRepository.list(db)).map(present);
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
