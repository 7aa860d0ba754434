import type { Queryable } from '../../../db/db.types.ts';
import { auditRepository, type AuditFilter } from '../../../db/repositories/audit.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import { addDays } from '../../../domain/reporting-calendar.ts';
import { zoneDayStart } from '../../../domain/time.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';
import { timeZone } from '../../time-zone.ts';
import { iso } from '../../timestamps.ts';

/** The log's filter as the API takes it: days instead of instants, and always a page. */
export interface AuditQuery extends Omit<AuditFilter, 'from' | 'to' | 'limit' | 'offset'> {
  /** First day (YYYY-MM-DD, in the configured zone), inclusive. */
  from?: string | undefined;
  /** Last day (YYYY-MM-DD, in the configured zone), inclusive. */
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** The audit log, newest first, filtered and paged, for those who may read it (the planning office and assessors). */
export async function listAudit(db: Queryable, user: SessionUser | null, q: AuditQuery) {
  authorize(user, 'readAudit', 'office');
  if (q.from && q.to && q.from > q.to)
    throw new LantuError('validation_failed', {
      zh: '结束日期早于开始日期',
      en: 'The date range ends before it begins',
    });
  const zone = timeZone();
  const { items, total } = await auditRepository.page(db, {
    ...q,
    from: q.from ? zoneDayStart(q.from, zone) : undefined,
    to: q.to ? zoneDayStart(addDays(q.to, 1), zone) : undefined,
  });
  return {
    items: items.map((r) => ({ ...r, at: iso(r.at) })),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

/** The actions, entities and actors the log holds, for the screen's filters. */
export async function auditFacets(db: Queryable, user: SessionUser | null) {
  authorize(user, 'readAudit', 'office');
  return auditRepository.facets(db);
}
