import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { IndicatorList, Method, PlanEvaluation, PlanList, PlanTree } from '../../lib/types.ts';

export const usePlans = () =>
  useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => api<PlanList>('/api/plans', { signal }),
    staleTime: 60_000,
  });

export const usePlanTree = (planId: string | null) =>
  useQuery({
    queryKey: ['plan', planId, 'tree'],
    queryFn: ({ signal }) => api<PlanTree>(`/api/plans/${planId ?? ''}/tree`, { signal }),
    enabled: !!planId,
    staleTime: 5 * 60_000,
  });

export const useIndicators = (planId: string | null) =>
  useQuery({
    queryKey: ['plan', planId, 'indicators'],
    queryFn: ({ signal }) => api<IndicatorList>(`/api/plans/${planId ?? ''}/indicators`, { signal }),
    enabled: !!planId,
    staleTime: 60_000,
  });

export type Scope = 'table' | 'all';

const evalPath = (planId: string, year: number, method: Method, scope: Scope) =>
  `/api/plans/${planId}/evaluation?year=${year}&method=${method}&scope=${scope}`;

export const evaluationKey = (planId: string | null, year: number, method: Method, scope: Scope) =>
  ['plan', planId, 'evaluation', year, method, scope] as const;

export const useEvaluation = (
  planId: string | null,
  year: number | null,
  method: Method,
  scope: Scope = 'table',
  opts: { refetchInterval?: number } = {},
) =>
  useQuery({
    queryKey: evaluationKey(planId, year ?? 0, method, scope),
    queryFn: ({ signal }) =>
      api<PlanEvaluation>(evalPath(planId ?? '', year ?? 0, method, scope), { signal }),
    enabled: !!planId && !!year,
    staleTime: 30_000,
    refetchInterval: opts.refetchInterval ?? false,
  });

export interface SeriesPoint {
  year: number;
  actual: number | null;
}

/**
 * Actual values per indicator code over the years (one evaluation per year — the API has no time-series
 * route): a year's point is kept only when its data year is that year.
 */
export function useActualSeries(
  planId: string | null,
  years: number[],
  scope: Scope = 'table',
): { byCode: Map<string, SeriesPoint[]>; loading: boolean } {
  const results = useQueries({
    queries: years.map((y) => ({
      queryKey: evaluationKey(planId, y, 'time', scope),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<PlanEvaluation>(evalPath(planId ?? '', y, 'time', scope), { signal }),
      enabled: !!planId,
      staleTime: 30_000,
    })),
  });
  const byCode = new Map<string, SeriesPoint[]>();
  results.forEach((r, i) => {
    const y = years[i];
    if (y === undefined || !r.data) return;
    for (const ind of r.data.indicators) {
      const pts = byCode.get(ind.code) ?? [];
      pts.push({ year: y, actual: ind.dataYear === y ? ind.actual : null });
      byCode.set(ind.code, pts);
    }
  });
  return { byCode, loading: results.some((r) => r.isLoading) };
}
