import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../server/modules/audit/audit.routes.ts';
import { api } from '../../lib/api.ts';

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The screen's filters as GET /api/audit takes them (days are in the server's zone, Asia/Shanghai). */
export interface AuditFilters {
  actor: string | null;
  action: string | null;
  entity: string | null;
  from: string | null;
  to: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  limit: number;
  offset: number;
}

export const PAGE_SIZE = 20;

/** The query string of one page: only the filters that are set. The chosen user is one actor of the facets, so it
 * is matched exactly (actorExact): `actor` matches a part, and kjj@ would also bring lead.kjj@'s entries. */
export function auditQuery(f: AuditFilters, page: number): string {
  const q = new URLSearchParams();
  if (f.actor) q.set('actorExact', f.actor);
  for (const k of ['action', 'entity', 'from', 'to'] as const) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  q.set('limit', String(PAGE_SIZE));
  q.set('offset', String((page - 1) * PAGE_SIZE));
  return q.toString();
}

export const useAuditPage = (f: AuditFilters, page: number) =>
  useQuery({
    queryKey: ['bo', 'audit', f, page],
    queryFn: ({ signal }) => api<AuditPage>(`/api/audit?${auditQuery(f, page)}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useAuditFacets = () =>
  useQuery({
    queryKey: ['bo', 'audit-facets'],
    queryFn: ({ signal }) =>
      api<{ actions: string[]; entities: string[]; actors: string[] }>('/api/audit/facets', { signal }),
    staleTime: 30_000,
  });
