import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { Project, ProjectDetail } from '../../lib/types.ts';

export const useProjects = (planId: string | null) =>
  useQuery({
    queryKey: qk.projects(planId),
    queryFn: ({ signal }) =>
      api<{ items: Project[] }>(`/api/projects?planId=${planId ?? ''}`, { signal }).then((r) => r.items),
    enabled: !!planId,
    staleTime: 60_000,
  });

export const useProject = (id: string | null) =>
  useQuery({
    queryKey: qk.project(id),
    queryFn: ({ signal }) => api<ProjectDetail>(`/api/projects/${id ?? ''}`, { signal }),
    enabled: !!id,
  });
