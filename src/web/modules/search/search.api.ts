import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../../server/modules/search/search.schemas.ts';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';

export type { SearchResult };

export const useSearch = (planId: string | null, q: string) =>
  useQuery({
    queryKey: qk.search(q, planId),
    queryFn: ({ signal }) =>
      api<SearchResult>(`/api/plans/${planId ?? ''}/search?q=${encodeURIComponent(q)}&limit=50`, { signal }),
    enabled: !!planId && q.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
