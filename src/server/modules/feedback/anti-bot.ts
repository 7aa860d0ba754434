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

export function issueChallenge(secret: string, at: Date = new Date()): string {
  const ts = String(Math.floor(at.getTime() / 1000));
  return `${ts}.${sign(secret, `feedback:${ts}`)}`;
}

export type ChallengeVerdict = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkChallenge(secret: string, token: string, now: Date = new Date()): ChallengeVerdict {
  const [ts, mac] = token.split('.');
  if (!ts || !mac || !/^\d{9,11}$/.test(ts) || !sameToken(mac, sign(secret, `feedback:${ts}`)))
    return 'invalid';
  const age = now.getTime() / 1000 - Number(ts);
  if (age < MIN_FILL_SECONDS) return 'too_fast';
  if (age > MAX_FILL_SECONDS) return 'expired';
  return 'ok';
}

export function clientHash(secret: string, client: string): string {
  return sign(secret, `client:${client}`).slice(0, 22);
}
