import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { oidcRepository, type SsoAccount } from '../../../db/repositories/oidc.repository.ts';
import { sessionsRepository } from '../../../db/repositories/sessions.repository.ts';
import { usersRepository } from '../../../db/repositories/users.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { Role, SessionUser } from '../../../domain/user.ts';
import type { OidcSettings } from '../../auth/oidc.config.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { SESSION_HOURS, type LoginResult } from './auth.service.ts';

/**
 * Who a person signed in at the identity service is in lantu: matched by the configured subject claim, else by
 * an e-mail the provider says it verified; unknown people are refused, or — with auto-provisioning — recorded
 * as pending accounts that have no role until the planning office grants one. Claims map to role/departments.
 */

/** Why a sign-on was refused: the login page shows a sentence for each; the audit log keeps the reason. */
export const SIGN_ON_REFUSALS = [
  'state_mismatch',
  'provider_error',
  'invalid_response',
  'unavailable',
  'no_subject',
  'unknown_user',
  'awaiting_role',
  'subject_mismatch',
  'disabled',
  'no_department',
] as const;
export type SignOnRefusal = (typeof SIGN_ON_REFUSALS)[number];

export type SignOnResult = { ok: true; session: LoginResult } | { ok: false; reason: SignOnRefusal };

/** The redirect after sign-on stays on this site: a path, never `//host` or a scheme; '' = the role's start. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '';
  return value.slice(0, 500);
}

/** Where a session starts when no page was asked for (as the web's password login). */
export const landingPage = (role: Role): string => (role === 'department' ? '/entry' : '/inbox');

function claimValues(claims: Record<string, unknown>, name: string | null): string[] | null {
  if (!name) return null;
  const v = claims[name];
  if (v === undefined || v === null) return null;
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [v];
  return list
    .filter((x) => typeof x === 'string' || typeof x === 'number')
    .map(String)
    .filter(Boolean);
}

/** The role the claims map to (first in LANTU_OIDC_ROLE_MAP order the person holds), or null. */
export function mappedRole(settings: OidcSettings, claims: Record<string, unknown>): Role | null {
  const held = claimValues(claims, settings.roleClaim);
  if (!held) return null;
  return settings.roleMap.find(([value]) => held.includes(value))?.[1] ?? null;
}

/** Department codes the claims name (through LANTU_OIDC_DEPARTMENT_MAP when set); null: no claim. */
export function mappedDepartmentCodes(
  settings: OidcSettings,
  claims: Record<string, unknown>,
): string[] | null {
  const held = claimValues(claims, settings.departmentClaim);
  if (!held) return null;
  const codes = settings.departmentMap.size
    ? held.map((v) => settings.departmentMap.get(v)).filter((c): c is string => c !== undefined)
    : held;
  return [...new Set(codes)];
}

const SSO_ACTOR = (email: string | null, subject: string | null) =>
  email ?? (subject ? `oidc:${subject}` : 'oidc:unknown');

export async function auditRefusal(
  db: Queryable,
  reason: SignOnRefusal,
  who: { userId?: string | null; email?: string | null; subject?: string | null; detail?: string },
): Promise<void> {
  await auditRepository.append(db, {
    actorId: who.userId ?? null,
    actor: SSO_ACTOR(who.email ?? null, who.subject ?? null),
    action: 'login_refused',
    entity: 'session',
    entityId: null,
    before: null,
    after: { method: 'oidc', reason, ...(who.detail ? { detail: who.detail.slice(0, 300) } : {}) },
  });
}

async function findAccount(
  db: Db,
  settings: OidcSettings,
  subject: string,
  email: string | null,
  verified: boolean,
): Promise<SsoAccount | 'subject_mismatch' | null> {
  const bySubject = await oidcRepository.findBySubject(db, subject);
  if (bySubject) return bySubject;
  if (!settings.matchEmail || !email || !verified) return null;
  const byEmail = await oidcRepository.findByEmail(db, email);
  // An account already linked to another person at the identity service is never taken over by e-mail.
  if (byEmail?.oidcSubject && byEmail.oidcSubject !== subject) return 'subject_mismatch';
  return byEmail;
}

export async function completeSignOn(
  db: Db,
  settings: OidcSettings,
  claims: Record<string, unknown>,
  idToken: string | null,
): Promise<SignOnResult> {
  const rawSubject = claims[settings.subjectClaim];
  const subject =
    typeof rawSubject === 'string' || typeof rawSubject === 'number' ? String(rawSubject).trim() : '';
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() || null : null;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const refuse = async (reason: SignOnRefusal, userId: string | null = null, detail?: string) => {
    await auditRefusal(db, reason, { userId, email, subject: subject || null, detail });
    return { ok: false as const, reason };
  };
  if (!subject) return refuse('no_subject', null, `claim ${settings.subjectClaim} missing`);

  const account = await findAccount(db, settings, subject, email, verified);
  if (account === 'subject_mismatch') return refuse('subject_mismatch');
  if (!account) {
    if (!settings.autoProvision) return refuse('unknown_user');
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 100) : null;
    const pending = await oidcRepository.upsertPending(db, {
      subject,
      email,
      emailVerified: verified,
      displayName: name,
    });
    if (pending.created)
      await auditRepository.append(db, {
        actorId: null,
        actor: SSO_ACTOR(email, subject),
        action: 'oidc_provisioned',
        entity: 'oidc_pending_account',
        entityId: pending.id,
        before: null,
        after: { subject, email, emailVerified: verified },
      });
    return refuse('awaiting_role');
  }
  if (account.disabledAt) return refuse('disabled', account.id);

  const role = mappedRole(settings, claims) ?? account.role;
  const codes = mappedDepartmentCodes(settings, claims);
  let departmentIds: string[] | null = null;
  let unknownCodes: string[] = [];
  if (codes) {
    const known = new Map((await departmentsRepository.list(db)).map((d) => [d.code, d.id]));
    departmentIds = codes.flatMap((c) => (known.has(c) ? [known.get(c)!] : []));
    unknownCodes = codes.filter((c) => !known.has(c));
  }
  const finalDepartments = departmentIds ?? (await oidcRepository.departmentIds(db, account.id));
  if (role === 'department' && finalDepartments.length === 0)
    return refuse(
      'no_department',
      account.id,
      unknownCodes.length ? `unknown: ${unknownCodes.join(',')}` : '',
    );

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    if (account.oidcSubject !== subject) await oidcRepository.linkSubject(tx, account.id, subject);
    if (role !== account.role) await oidcRepository.setRole(tx, account.id, role);
    if (departmentIds) await oidcRepository.setDepartments(tx, account.id, departmentIds);
    await sessionsRepository.insert(tx, {
      tokenHash: hashToken(token),
      userId: account.id,
      csrfToken,
      expiresAt,
    });
    await oidcRepository.markSession(tx, hashToken(token), idToken);
    await recordAudit(tx, account, 'login', 'session', null, {
      before: role !== account.role ? { role: account.role } : null,
      after: {
        method: 'oidc',
        subject,
        linked: account.oidcSubject !== subject,
        ...(role !== account.role ? { role } : {}),
        ...(codes ? { departments: codes.filter((c) => !unknownCodes.includes(c)) } : {}),
        ...(unknownCodes.length ? { unknownDepartments: unknownCodes } : {}),
      },
    });
  });
  const [user] = await usersRepository.sessionUsers(db, [account.id]);
  return { ok: true, session: { token, csrfToken, user: user!, expiresAt } };
}

/** In SSO-only mode a password opens no session, except for a break-glass account. */
export function refuseLocalPassword(settings: OidcSettings | null | undefined, email: string): void {
  if (!settings?.ssoOnly || settings.breakGlass.has(email.trim().toLowerCase())) return;
  throw new LantuError(
    'forbidden',
    {
      zh: '本系统已启用统一身份认证，请使用统一身份认证登录',
      en: 'Passwords are disabled here; sign in with government ID',
    },
    { signOn: 'oidc' },
  );
}

/** Ends the local session always; returns the identity service's logout address when it has one. */
export async function endSignOnSession(
  db: Db,
  token: string,
  user: SessionUser,
): Promise<{ wasSso: boolean; idToken: string | null }> {
  const tokenHash = hashToken(token);
  const session = await oidcRepository.sessionIdToken(db, tokenHash);
  await db.transaction(async (tx) => {
    await sessionsRepository.delete(tx, tokenHash);
    await recordAudit(tx, user, 'logout', 'session', null, {
      before: null,
      after: { method: session?.method ?? 'password' },
    });
  });
  return { wasSso: session?.method === 'oidc', idToken: session?.idToken ?? null };
}
