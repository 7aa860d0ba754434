import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { supervisionRepository } from '../../../db/repositories/supervision.repository.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/policy.ts';

export async function getSupervisionSettings(db: Queryable, planId: string) {
  if (!(await plansRepository.findById(db, planId))) throw notFound('Plan', planId);
  return { publicMeasures: await supervisionRepository.publicMeasures(db, planId) };
}

/** Plan setting: whether the portal shows corrective measures under a lagging indicator (admin; audited). */
export async function setSupervisionSettings(
  db: Db,
  user: SessionUser,
  planId: string,
  publicMeasures: boolean,
) {
  authorize(user, 'openSupervision', 'office');
  if (!(await plansRepository.findById(db, planId))) throw notFound('Plan', planId);
  await db.transaction(async (tx) => {
    const before = await supervisionRepository.publicMeasures(tx, planId);
    await supervisionRepository.setPublicMeasures(tx, planId, publicMeasures);
    await recordAudit(tx, user, 'update', 'plan', planId, {
      before: { publicMeasures: before },
      after: { publicMeasures },
    });
    await dataChanged(tx); // the portal's indicator pages show or hide the measures
  });
  return { publicMeasures };
}
