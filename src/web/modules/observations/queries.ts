import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { Observation } from '../../lib/types.ts';

/** Every value and version of one indicator (logged-in users only). */
export const useIndicatorObservations = (indicatorId: string, enabled: boolean) =>
  useQuery({
    queryKey: qk.observations(indicatorId),
    queryFn: ({ signal }) =>
      api<{ items: Observation[] }>(`/api/indicators/${indicatorId}/observations`, { signal }).then(
        (r) => r.items,
      ),
    enabled,
  });

/** Every value of a plan in one request; `mine`: only the indicators of the user's departments. */
export const usePlanObservations = (planId: string | null, mine: boolean, enabled = true) =>
  useQuery({
    queryKey: qk.planObservations(planId, mine),
    queryFn: ({ signal }) =>
      api<{ items: Observation[] }>(`/api/plans/${planId ?? ''}/observations${mine ? '?mine=true' : ''}`, {
        signal,
      }).then((r) => r.items),
    enabled: enabled && !!planId,
  });

/** Observations grouped by indicator id. */
export function byIndicator(list: Observation[] | undefined): Map<string, Observation[]> {
  const m = new Map<string, Observation[]>();
  for (const o of list ?? []) m.set(o.indicatorId, [...(m.get(o.indicatorId) ?? []), o]);
  return m;
}

/** The latest version of a period's value. */
export function latestFor(list: Observation[] | undefined, period: string): Observation | undefined {
  return (list ?? []).filter((o) => o.period === period).sort((a, b) => b.version - a.version)[0];
}
