import type { Db } from '../../../db/db.types.ts';
import { observationsRepository } from '../../../db/repositories/observations.repository.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import { LantuError, type Bilingual } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';
import { getPlan } from '../plans/plans.service.ts';
import { moveObservation } from './observations.service.ts';

export interface BulkResult {
  id: string;
  status: 'approved' | 'submitted' | 'refused';
  error: { code: string; message: string; messages?: Bilingual } | null;
}

/**
 * Move a selection one value at a time through the same step as moving it alone (checked, moved and audited
 * one by one, in its own transaction), so one already handled by someone else, or refused by a check, is
 * reported with its error and the rest still moved.
 */
async function moveEach(
  db: Db,
  user: SessionUser,
  ids: Iterable<string>,
  action: 'approve' | 'submit',
): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      await moveObservation(db, user, id, action, null);
      out.push({ id, status: action === 'approve' ? 'approved' : 'submitted', error: null });
    } catch (e) {
      if (!(e instanceof LantuError)) throw e;
      const messages = e.messages ? { messages: e.messages } : {};
      out.push({ id, status: 'refused', error: { code: e.code, message: e.message, ...messages } });
    }
  }
  return out;
}

/** Approve a selection of submitted values (the planning office and assessors). */
export async function approveObservations(
  db: Db,
  user: SessionUser,
  ids: readonly string[],
): Promise<BulkResult[]> {
  authorize(user, 'approveValues', 'office');
  return moveEach(db, user, ids, 'approve');
}

/**
 * 提交全部草稿: every draft of the caller's own indicators in the plan (optionally one period) is submitted,
 * each as POST /observations/{id}/submit does — a draft that would make its indicator lag without a note is
 * refused and reported, the others still submitted. Returned values are left alone until they are edited.
 */
export async function submitDrafts(
  db: Db,
  user: SessionUser,
  planId: string,
  period: string | null,
): Promise<BulkResult[]> {
  authorize(user, 'submitDrafts', 'office');
  await getPlan(db, planId); // 404 for an unknown plan
  const own = await reportingRepository.indicators(
    db,
    [planId],
    user.departments.map((d) => d.id),
  );
  if (own.length === 0) return [];
  const rows = await observationsRepository.listForPlan(
    db,
    planId,
    own.map((i) => i.id),
  );
  const drafts = rows.filter((o) => o.status === 'draft' && (period === null || o.period === period));
  return moveEach(
    db,
    user,
    drafts.map((o) => o.id),
    'submit',
  );
}
