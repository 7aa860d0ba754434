import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../../../db/db.types.ts';
import { settingsRepository } from '../../../db/repositories/settings.repository.ts';
import { sameToken } from '../../auth/tokens.ts';

/**
 * A lightweight check that needs no third-party service: the form carries a signed timestamp from when it was
 * shown, and is refused if sent back faster than a person types or after an hour; plus a hidden honeypot field.
 */
export const MIN_FILL_SECONDS = 3;
export const MAX_FILL_SECONDS = 3600;

export async function installationSecret(db: Queryable): Promise<string> {
  return settingsRepository.getOrInit(db, 'installation_secret', randomBytes(32).toString('hex'));
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** A token is `time.nonce.signature`: the nonce makes every form's token its own, so one can be used once. */
export function issueChallenge(secret: string, at: Date = new Date()): string {
  const ts = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(12).toString('base64url');
  return `${ts}.${nonce}.${sign(secret, `feedback:${ts}:${nonce}`)}`;
}

export type ChallengeVerdict = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkChallenge(secret: string, token: string, now: Date = new Date()): ChallengeVerdict {
  const [ts, nonce, mac, extra] = token.split('.');
  if (
    !ts ||
    !nonce ||
    !mac ||
    extra !== undefined ||
    !/^\d{9,11}$/.test(ts) ||
    !/^[\w-]{16}$/.test(nonce) ||
    !sameToken(mac, sign(secret, `feedback:${ts}:${nonce}`))
  )
    return 'invalid';
  const age = now.getTime() / 1000 - Number(ts);
  if (age < MIN_FILL_SECONDS) return 'too_fast';
  if (age > MAX_FILL_SECONDS) return 'expired';
  return 'ok';
}

/** What identifies a token once used (its signature; checked by checkChallenge first). */
export const challengeSignature = (token: string): string => token.slice(token.lastIndexOf('.') + 1);

export function clientHash(secret: string, client: string): string {
  return sign(secret, `client:${client}`).slice(0, 22);
}
