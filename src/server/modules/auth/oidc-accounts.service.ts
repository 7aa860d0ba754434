import type { Db } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { oidcRepository, type PendingAccount } from '../../../db/repositories/oidc.repository.ts';
import { usersRepository } from '../../../db/repositories/users.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { Role, SessionUser } from '../../../domain/user.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { notFound } from '../../errors.ts';

/**
 * Accounts provisioned from the identity service wait here with no role; the planning office grants one and
 * the person becomes a user linked to their subject. Such a user has no local password (the stored hash is a
 * marker no password verifies against); an admin can still issue a reset link if a password is ever needed.
 */
export const NO_LOCAL_PASSWORD = '!sso';

export function listPendingAccounts(db: Db): Promise<PendingAccount[]> {
  return oidcRepository.listPending(db);
}

export async function grantRole(
  db: Db,
  admin: SessionUser,
  pendingId: string,
  input: { role: Role; departments: string[] },
): Promise<SessionUser> {
  if (input.role === 'department' && input.departments.length === 0)
    throw new LantuError(
      'validation_failed',
      { zh: '请选择部门', en: 'A department user needs at least one department' },
      {
        field: 'departments',
      },
    );
  return db.transaction(async (tx) => {
    const pending = await oidcRepository.takePending(tx, pendingId);
    if (!pending) throw notFound('Pending sign-on account', pendingId);
    const email = pending.email && pending.emailVerified ? pending.email : `${pending.subject}@sso.invalid`;
    if (await usersRepository.findByEmail(tx, email))
      throw new LantuError('conflict', { zh: '该邮箱已有账号', en: `A user ${email} already exists` });
    const known = new Map((await departmentsRepository.list(tx)).map((d) => [d.code, d.id]));
    const departmentIds = input.departments.map((code) => {
      const id = known.get(code);
      if (!id)
        throw new LantuError('validation_failed', { zh: '部门不存在', en: `Unknown department ${code}` });
      return id;
    });
    const id = await usersRepository.insert(tx, {
      email,
      displayName: pending.displayName,
      passwordHash: NO_LOCAL_PASSWORD,
      role: input.role,
      departmentIds,
    });
    await oidcRepository.linkSubject(tx, id, pending.subject);
    await recordAudit(tx, admin, 'oidc_role_granted', 'user', id, {
      before: { pendingAccount: pending.id },
      after: { email, subject: pending.subject, role: input.role, departments: input.departments },
    });
    const [user] = await usersRepository.sessionUsers(tx, [id]);
    return user!;
  });
}
