import type { Db, Queryable } from '../../../db/db.types.ts';
import { accountsRepository, type AccountRow } from '../../../db/repositories/accounts.repository.ts';
import { mailJobsRepository } from '../../../db/repositories/mail-jobs.repository.ts';
import { usersRepository } from '../../../db/repositories/users.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import type { OidcSettings } from '../../auth/oidc.config.ts';
import { refuseLocalPassword } from '../auth/oidc.service.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { notFound } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { mailEnabled, publicBaseUrl } from '../notifications/mail.config.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/user.ts';
import { iso } from '../../timestamps.ts';

/** A reset link works once, for this long. */
export const RESET_LINK_HOURS = 24;

function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new LantuError('validation_failed', {
      zh: `密码至少${MIN_PASSWORD_LENGTH}位`,
      en: `Password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
}

const audit = (tx: Queryable, actor: Actor, action: string, target: string, after: unknown = null) =>
  recordAudit(tx, actor, action, 'user', target, { before: null, after });

/** The user changes their own password; every other session of theirs ends. */
export async function changePassword(
  db: Db,
  user: SessionUser,
  sessionToken: string | null,
  current: string,
  next: string,
  signOn?: OidcSettings | null,
): Promise<void> {
  const account = await accountsRepository.find(db, user.id);
  if (!account) throw new LantuError('unauthenticated', { zh: '请先登录', en: 'Log in first' });
  refuseLocalPassword(signOn, account.email);
  if (!(await verifyPassword(account.passwordHash, current))) {
    throw new LantuError(
      'validation_failed',
      { zh: '当前密码不正确', en: 'The current password is wrong' },
      {
        field: 'current',
      },
    );
  }
  checkNewPassword(next);
  if (current === next)
    throw new LantuError('validation_failed', {
      zh: '新密码不能与原密码相同',
      en: 'Choose a password different from the current one',
    });
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await accountsRepository.setPassword(tx, user.id, hash);
    const ended = await accountsRepository.endSessions(
      tx,
      user.id,
      sessionToken ? hashToken(sessionToken) : null,
    );
    await audit(tx, user, 'password_change', user.id, { otherSessionsEnded: ended });
  });
}

async function target(db: Db, id: string): Promise<AccountRow> {
  const account = await accountsRepository.find(db, id);
  if (!account) throw notFound('User', id);
  return account;
}

export interface IssuedReset {
  /** The link, shown once to the admin, when it was not mailed to the user. */
  link: string | null;
  mailed: boolean;
  expiresAt: string;
}

/**
 * The planning office resets a password: a one-time link, valid RESET_LINK_HOURS, mailed to the user when
 * e-mail is configured and otherwise shown once to the admin. Only its hash is kept.
 */
export async function issuePasswordReset(
  db: Db,
  admin: SessionUser,
  userId: string,
  signOn?: OidcSettings | null,
): Promise<IssuedReset> {
  const account = await target(db, userId);
  refuseLocalPassword(signOn, account.email);
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600_000);
  const link = `${publicBaseUrl().replace(/\/$/, '')}/reset-password?token=${token}`;
  const mailed = mailEnabled();
  await db.transaction(async (tx) => {
    await accountsRepository.insertReset(tx, {
      tokenHash: hashToken(token),
      userId,
      createdBy: admin.id,
      expiresAt,
    });
    if (mailed) {
      await mailJobsRepository.enqueue(tx, {
        kind: 'account',
        userId,
        recipient: account.email,
        subject: '[蓝图 lantu] 重置密码 Password reset',
        bodyText: [
          `规划主管部门为您的账号 ${account.email} 重置了密码。请在${RESET_LINK_HOURS}小时内打开以下链接设置新密码（仅可使用一次）：`,
          '',
          link,
          '',
          `The planning office reset the password of ${account.email}. Open the link within ${RESET_LINK_HOURS} hours to choose a new one (it works once).`,
        ].join('\n'),
        dedupeKey: null,
      });
    }
    await audit(tx, admin, 'password_reset_issued', userId, { mailed, expiresAt: expiresAt.toISOString() });
  });
  return { link: mailed ? null : link, mailed, expiresAt: expiresAt.toISOString() };
}

const badLink = () =>
  new LantuError(
    'validation_failed',
    { zh: '链接无效、已使用或已过期', en: 'This link is invalid, used or expired' },
    {
      field: 'token',
    },
  );

export async function resetLinkIsValid(db: Db, token: string): Promise<boolean> {
  return accountsRepository.resetIsValid(db, hashToken(token));
}

/** Someone with a reset link sets a new password: the link is used up, the lock cleared, every session ended. */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  signOn?: OidcSettings | null,
): Promise<void> {
  checkNewPassword(password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const userId = await accountsRepository.consumeReset(tx, hashToken(token));
    if (!userId) throw badLink();
    const account = await accountsRepository.find(tx, userId);
    if (!account) throw badLink();
    // A link issued before SSO-only was switched on must not give a password back (the transaction undoes its use).
    refuseLocalPassword(signOn, account.email);
    await accountsRepository.setPassword(tx, userId, hash);
    await accountsRepository.unlock(tx, userId, account.email);
    await accountsRepository.endSessions(tx, userId);
    await audit(tx, { id: userId, email: account.email }, 'password_reset', userId);
  });
}

/** Disabling ends the user's sessions; the last active admin cannot be disabled, nor can admins disable themselves. */
export async function setAccountDisabled(
  db: Db,
  admin: SessionUser,
  userId: string,
  disabled: boolean,
): Promise<void> {
  const account = await target(db, userId);
  if (disabled && userId === admin.id)
    throw new LantuError('conflict', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
  await db.transaction(async (tx) => {
    await accountsRepository.setDisabled(tx, userId, disabled);
    if (disabled) {
      if (account.role === 'admin' && (await accountsRepository.countActiveAdmins(tx)) === 0)
        throw new LantuError('conflict', {
          zh: '不能停用最后一个管理员账号',
          en: 'This is the last active admin account',
        });
      await accountsRepository.endSessions(tx, userId);
    }
    await audit(tx, admin, disabled ? 'disable' : 'enable', userId, { email: account.email });
  });
}

export async function unlockAccount(db: Db, admin: SessionUser, userId: string): Promise<void> {
  const account = await target(db, userId);
  await db.transaction(async (tx) => {
    await accountsRepository.unlock(tx, userId, account.email);
    await audit(tx, admin, 'unlock', userId, { email: account.email, wasLockedUntil: account.lockedUntil });
  });
}

export interface Account extends SessionUser {
  disabled: boolean;
  lockedUntil: string | null;
  passwordChangedAt: string | null;
  lastLoginAt: string | null;
}

/** Every user with the state an admin manages: disabled, locked, last login. */
export async function listAccounts(db: Db): Promise<Account[]> {
  const [users, states] = await Promise.all([usersRepository.list(db), accountsRepository.states(db)]);
  const byId = new Map(states.map((s) => [s.id, s]));
  return users.map((u) => {
    const s = byId.get(u.id);
    return {
      ...u,
      disabled: !!s?.disabledAt,
      lockedUntil: iso(s?.lockedUntil ?? null),
      passwordChangedAt: iso(s?.passwordChangedAt ?? null),
      lastLoginAt: iso(s?.lastLoginAt ?? null),
    };
  });
}
