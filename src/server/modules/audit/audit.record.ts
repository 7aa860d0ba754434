import type { Queryable } from '../../../db/db.types.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import type { SessionUser } from '../../../domain/user.ts';

/** Who acted, as a user: their id and email (a signed-in user, or the account a reset link acts for). */
export type Actor = Pick<SessionUser, 'email'> & { id: string | null };

/** Who acted, as the audit log names them. */
export const actorOf = (u: Actor) => ({ actorId: u.id, actor: u.email });

/** What a write changed: the item as it was (null when it is new) and what it became. */
export interface Change {
  before: unknown;
  after: unknown;
}

/**
 * Appends what `user` did to `entity` `entityId` to the audit log. Called inside the write's transaction, so
 * the entry and the write are saved together or not at all.
 */
export async function recordAudit(
  tx: Queryable,
  user: Actor,
  action: string,
  entity: string,
  entityId: string | null,
  change: Change,
): Promise<void> {
  await auditRepository.append(tx, { ...actorOf(user), action, entity, entityId, ...change });
}
