import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../lib/api.ts';
import { qk, type Scope } from '../../lib/queryKeys.ts';
import type {
  IndicatorList,
  Method,
  PlanEvaluation,
  PlanList,
  PlanSeries,
  PlanTree,
} from '../../lib/types.ts';

export type { Scope };

export const usePlans = () =>
  useQuery({
    queryKey: qk.plans(),
    queryFn: ({ signal }) => api<PlanList>('/api/plans', { signal }),
    staleTime: 60_000,
  });

export const usePlanTree = (planId: string | null) =>
  useQuery({
    queryKey: qk.tree(planId),
    queryFn: ({ signal }) => api<PlanTree>(`/api/plans/${planId ?? ''}/tree`, { signal }),
    enabled: !!planId,
    staleTime: 5 * 60_000,
  });

export const useIndicators = (planId: string | null) =>
  useQuery({
    queryKey: qk.indicators(planId),
    queryFn: ({ signal }) => api<IndicatorList>(`/api/plans/${planId ?? ''}/indicators`, { signal }),
    enabled: !!planId,
    staleTime: 60_000,
  });

export const useEvaluation = (
  planId: string | null,
  year: number | null,
  method: Method,
  scope: Scope = 'table',
  opts: { refetchInterval?: number } = {},
) =>
  useQuery({
    queryKey: qk.evaluation(planId, year ?? 0, method, scope),
    queryFn: ({ signal }) =>
      api<PlanEvaluation>(
        `/api/plans/${planId ?? ''}/evaluation?year=${year ?? 0}&method=${method}&scope=${scope}`,
        { signal },
      ),
    enabled: !!planId && !!year,
    staleTime: 30_000,
    refetchInterval: opts.refetchInterval ?? false,
  });

export interface SeriesPoint {
  year: number;
  actual: number | null;
}

/** Each indicator's judged value per year up to `to`, in one request (GET /api/plans/{id}/series). */
export function useSeries(
  planId: string | null,
  to: number | null,
  scope: Scope = 'table',
): { byCode: Map<string, SeriesPoint[]>; loading: boolean } {
  const q = useQuery({
    queryKey: qk.series(planId, to ?? 0, 'time', scope),
    queryFn: ({ signal }) =>
      api<PlanSeries>(`/api/plans/${planId ?? ''}/series?to=${to ?? 0}&method=time&scope=${scope}`, {
        signal,
      }),
    enabled: !!planId && !!to,
    staleTime: 30_000,
  });
  const byCode = useMemo(
    () =>
      new Map(
        (q.data?.items ?? []).map((i) => [i.code, i.points.map((p) => ({ year: p.year, actual: p.actual }))]),
      ),
    [q.data],
  );
  return { byCode, loading: q.isLoading };
}
