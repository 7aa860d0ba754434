import type { Context } from 'hono';
import type { SessionUser } from '../../domain/user.ts';
import type { AppEnv } from '../app-env.ts';
import { signedIn } from '../policies/policy.ts';

/** The signed-in user of the request (401 otherwise); what they may do is the policy's answer. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  return signedIn(c.var.user);
}
