import type { Db } from '../../../db/db.types.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { usersRepository } from '../../../db/repositories/users.repository.ts';
import { oidcRepository } from '../../../db/repositories/oidc.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import { MIN_PASSWORD_LENGTH, type Role, type SessionUser } from '../../../domain/user.ts';
import { hashPassword } from '../../auth/password.ts';

export interface NewUserInput {
  email: string;
  password: string;
  role: Role;
  displayName?: string | null;
  departments?: string[];
  /** The person's subject at the identity service (LANTU_OIDC_SUBJECT_CLAIM), to sign on without an e-mail match. */
  oidcSubject?: string | null;
}

export async function createUser(
  db: Db,
  input: NewUserInput,
  actor: { id: string | null; label: string },
): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new LantuError('validation_failed', {
      zh: `不是有效的邮箱地址：${input.email}`,
      en: `Not an email address: ${input.email}`,
    });
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new LantuError('validation_failed', {
      zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      en: `Password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  const codes = input.departments ?? [];
  if (input.role === 'department' && codes.length === 0) {
    throw new LantuError('validation_failed', {
      zh: '部门用户至少要属于一个部门（--department 部门代码）',
      en: 'A department user needs at least one department (--department CODE)',
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await usersRepository.findByEmail(tx, email))
      throw new LantuError('conflict', {
        zh: `用户 ${email} 已存在`,
        en: `A user ${email} already exists`,
      });
    const subject = input.oidcSubject?.trim() || null;
    if (subject && (await oidcRepository.findBySubject(tx, subject)))
      throw new LantuError('conflict', {
        zh: `统一身份认证标识 ${subject} 已关联到另一个用户`,
        en: `Another user is linked to the sign-on subject ${subject}`,
      });
    const known = new Map((await departmentsRepository.list(tx)).map((d) => [d.code, d.id]));
    const departmentIds = codes.map((code) => {
      const id = known.get(code);
      if (!id)
        throw new LantuError('validation_failed', {
          zh: `部门代码 ${code} 不存在`,
          en: `Unknown department ${code}`,
        });
      return id;
    });
    const id = await usersRepository.insert(tx, {
      email,
      displayName: input.displayName ?? null,
      passwordHash,
      role: input.role,
      departmentIds,
    });
    if (subject) await oidcRepository.linkSubject(tx, id, subject);
    const [user] = await usersRepository.sessionUsers(tx, [id]);
    await auditRepository.append(tx, {
      actorId: actor.id,
      actor: actor.label,
      action: 'create',
      entity: 'user',
      entityId: id,
      before: null,
      after: { email, role: input.role, departments: codes, ...(subject ? { oidcSubject: subject } : {}) },
    });
    return user!;
  });
}
