import type { Queryable } from '../../../db/db.types.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';

/** The audit log, newest first, for those who may read it (the planning office and assessors). */
export async function listAudit(
  db: Queryable,
  user: SessionUser | null,
  q: { entity?: string; entityId?: string; limit: number },
) {
  authorize(user, 'readAudit', 'office');
  const rows = await auditRepository.list(db, q);
  return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
}
