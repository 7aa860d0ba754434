import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { can } from '../../policies/policy.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { notFound } from '../../errors.ts';

const PLAN_IN_PATH = /\/plans\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A draft version is the planning office's: for anyone else a request naming it (in the path or as planId)
 * answers 404 as if it did not exist, so nothing departments or the public see changes before publishing.
 */
export const draftGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (can(c.var.user, 'seePlanDrafts', 'office')) return next();
  const ids = [PLAN_IN_PATH.exec(c.req.path)?.[1], c.req.query('planId'), c.req.query('predecessor')].filter(
    (v): v is string => v !== undefined && UUID.test(v),
  );
  for (const id of new Set(ids)) {
    if (await plansRepository.isDraft(c.var.deps.db, id)) throw notFound('Plan', id);
  }
  return next();
};
