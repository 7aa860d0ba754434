import type { Db } from '../../src/db/db.types.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import type { TestApp } from './app.ts';

/** Sends the portal's comment form as a visitor does: a JSON POST to /api/public/feedback, no session. */
export async function postFeedback(app: TestApp, body: unknown): Promise<Response> {
  return await app.request('/api/public/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A form token issued at `issuedAt` (by default a minute ago, old enough to pass the anti-bot check). */
export async function formChallenge(db: Db, issuedAt = new Date(Date.now() - 60_000)): Promise<string> {
  return issueChallenge(await installationSecret(db), issuedAt);
}
