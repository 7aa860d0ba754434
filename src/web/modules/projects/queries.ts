import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Project } from '../../lib/types.ts';

export const useProjects = (planId: string | null) =>
  useQuery({
    queryKey: ['plan', planId, 'projects'],
    queryFn: ({ signal }) =>
      api<{ items: Project[] }>(`/api/projects?planId=${planId ?? ''}`, { signal }).then((r) => r.items),
    enabled: !!planId,
    staleTime: 60_000,
  });
