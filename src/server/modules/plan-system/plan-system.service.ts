import type { Queryable } from '../../../db/db.types.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { planSystemRepository } from '../../../db/repositories/plan-system.repository.ts';
import { checkCoherence, type CoherenceFinding, type CoherenceIndicator } from '../../../domain/coherence.ts';
import { getPlan } from '../plans/plans.service.ts';

export interface PlanPairReport {
  master: { id: string; key: string; title: string };
  child: { id: string; key: string; title: string };
  findings: CoherenceFinding[];
}

const asCoherence = async (db: Queryable, planId: string): Promise<CoherenceIndicator[]> =>
  (await indicatorsRepository.listByPlan(db, planId)).map((i) => ({
    code: i.code,
    name: i.name,
    attribute: i.attribute,
    direction: i.direction,
    unit: i.unit,
    targetYear: i.targetYear,
    target: i.target,
  }));

/**
 * Checks a plan against the plans linked to it: its child plans (专项规划, 片区规划) against it, and, for a
 * child plan, itself against its master plan.
 */
export async function planCoherence(db: Queryable, planId: string, opts: { reportMissing: boolean }) {
  const plan = await getPlan(db, planId);
  const pairs: { masterId: string; childId: string }[] = (
    await planSystemRepository.children(db, planId)
  ).map((c) => ({
    masterId: planId,
    childId: c.id,
  }));
  if (plan.parentId !== null) pairs.unshift({ masterId: plan.parentId, childId: planId });
  const indicators = new Map<string, CoherenceIndicator[]>();
  const load = async (id: string) => {
    const cached = indicators.get(id);
    if (cached) return cached;
    const list = await asCoherence(db, id);
    indicators.set(id, list);
    return list;
  };
  const reports: PlanPairReport[] = [];
  for (const { masterId, childId } of pairs) {
    const [master, child] = await Promise.all([getPlan(db, masterId), getPlan(db, childId)]);
    reports.push({
      master: { id: master.id, key: master.key, title: master.title },
      child: { id: child.id, key: child.key, title: child.title },
      findings: checkCoherence(await load(masterId), await load(childId), opts),
    });
  }
  return { planId, coherent: reports.every((r) => r.findings.length === 0), pairs: reports };
}
