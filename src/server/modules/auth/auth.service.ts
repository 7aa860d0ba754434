import type { Db } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { loginThrottleRepository, sessionsRepository } from '../../../db/repositories/sessions.repository.ts';
import { usersRepository } from '../../../db/repositories/users.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { dummyHash, verifyPassword } from '../../auth/password.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';

export const SESSION_HOURS = 12;
/** An account locks for one client after this many wrong passwords from it within the window. */
export const ACCOUNT_LOCK_AFTER = 5;
export const ACCOUNT_LOCK_MINUTES = 15;
/** A client address is throttled after this many failures within the window, whatever the accounts. */
export const ADDRESS_LIMIT = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: Date;
}

const badCredentials = () =>
  new LantuError('unauthenticated', { zh: '邮箱或密码错误', en: 'Wrong email or password' });
/** One message for every lock, so it never tells whether the account exists. */
const tooManyFailures = () =>
  new LantuError('rate_limited', {
    zh: '登录失败次数过多，请15分钟后再试',
    en: 'Too many failed logins; try again in 15 minutes',
  });

/**
 * Lock-outs key on the account *and* the client: an attacker elsewhere can exhaust only their own tries, never
 * lock the real user out. An unknown email is throttled exactly like an existing one.
 */
const throttleKeys = (email: string, client: string) => ({
  address: `ip:${client}`,
  account: `acct:${email}|ip:${client}`,
});

async function recordFailedLogin(db: Db, keys: ReturnType<typeof throttleKeys>): Promise<void> {
  await loginThrottleRepository.fail(
    db,
    keys.account,
    ACCOUNT_LOCK_AFTER,
    ACCOUNT_LOCK_MINUTES,
    ACCOUNT_LOCK_MINUTES,
  );
  await loginThrottleRepository.fail(
    db,
    keys.address,
    ADDRESS_LIMIT,
    ADDRESS_WINDOW_MINUTES,
    ADDRESS_WINDOW_MINUTES,
  );
}

export async function login(
  db: Db,
  email: string,
  password: string,
  clientKey: string,
): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys(normalised, clientKey);
  const [addressLock, accountLock] = await Promise.all([
    loginThrottleRepository.lockedUntil(db, keys.address),
    loginThrottleRepository.lockedUntil(db, keys.account),
  ]);
  if (addressLock || accountLock) throw tooManyFailures();
  const user = await usersRepository.findByEmail(db, normalised);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await recordFailedLogin(db, keys);
    throw badCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedLogin(db, keys);
    await recordAudit(db, user, 'login_failed', 'session', null, { before: null, after: null });
    throw badCredentials();
  }
  // Said only to someone who knows the password, so it reveals nothing about which accounts exist.
  if (user.disabledAt) {
    throw new LantuError('forbidden', {
      zh: '账号已停用，请联系规划主管部门',
      en: 'This account is disabled; ask the planning office',
    });
  }
  // Always a fresh token: a session id planted before login is never upgraded (no fixation).
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    await usersRepository.clearFailures(tx, user.id);
    await loginThrottleRepository.clear(tx, keys.account);
    await sessionsRepository.insert(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt,
    });
    await recordAudit(tx, user, 'login', 'session', null, { before: null, after: null });
  });
  const [sessionUser] = await usersRepository.sessionUsers(db, [user.id]);
  return { token, csrfToken, user: sessionUser!, expiresAt };
}

export async function logout(db: Db, token: string, user: SessionUser): Promise<void> {
  await db.transaction(async (tx) => {
    await sessionsRepository.delete(tx, hashToken(token));
    await recordAudit(tx, user, 'logout', 'session', null, { before: null, after: null });
  });
}

export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ user: SessionUser; csrfToken: string } | null> {
  const session = await sessionsRepository.findValid(db, hashToken(token));
  if (!session) return null;
  const [user] = await usersRepository.sessionUsers(db, [session.userId]);
  return user ? { user, csrfToken: session.csrfToken } : null;
}

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Remembers the user's language on the server, so it follows them to any browser. */
export async function setLocale(db: Db, user: SessionUser, locale: Locale): Promise<SessionUser> {
  await db.transaction(async (tx) => {
    await usersRepository.setLocale(tx, user.id, locale);
    await recordAudit(tx, user, 'update', 'user', user.id, {
      before: { locale: user.locale },
      after: { locale },
    });
  });
  return { ...user, locale };
}
