import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export interface InvestmentInput {
  year: number;
  planned: number | null;
  completed: number | null;
}

export interface ProgressInput {
  year: number;
  quarter: number;
  stage: ProjectDetail['stage'];
  percent: number | null;
  text: string;
}

/** Writes that answer the whole project: the drawer shows the answer at once, the list refetches. */
function useProjectWrite<B>(id: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<ProjectDetail>(`/api/projects/${id}/${path}`, { method: 'POST', body }),
    onSuccess: (p) => {
      qc.setQueryData(qk.project(id), p);
      void qc.invalidateQueries({ queryKey: qk.projects(p.planId) });
    },
  });
}

export const useSaveInvestments = (id: string) =>
  useProjectWrite<{ items: InvestmentInput[] }>(id, 'investments');

export const useAddProjectProgress = (id: string) => useProjectWrite<ProgressInput>(id, 'progress');
