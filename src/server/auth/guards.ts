import type { Context } from 'hono';
import { LantuError } from '../../domain/errors.ts';
import type { Role, SessionUser } from '../../domain/user.ts';
import type { AppEnv } from '../app-env.ts';

export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.user;
  if (!user) throw new LantuError('unauthenticated', 'Log in first 请先登录');
  return user;
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = requireUser(c);
  if (!roles.includes(user.role)) {
    throw new LantuError('forbidden', `This needs the role ${roles.join(' or ')} 无此权限`);
  }
  return user;
}
