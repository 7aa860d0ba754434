import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { Observation } from '../../lib/types.ts';

export interface ObservationResult {
  observation: Observation;
  warnings: { zh: string; en: string }[];
}

export interface ObservationInput {
  indicatorId: string;
  period: string;
  value?: number | null;
  text?: string | null;
  note?: string | null;
  /** Why an approved value is corrected (a new version). */
  reason?: string | null;
}

/**
 * What a value write changes: its indicator's value list, the plan's value lists and the inboxes; an approval
 * also changes the plan's evaluations and series (drafts, submissions and returns never count in them).
 */
export function invalidateAfterValueWrite(
  qc: QueryClient,
  planId: string | null,
  indicatorIds: readonly string[] | 'all',
  approved: boolean,
): void {
  if (indicatorIds === 'all') void qc.invalidateQueries({ queryKey: qk.observationsAll() });
  else for (const id of new Set(indicatorIds)) void qc.invalidateQueries({ queryKey: qk.observations(id) });
  void qc.invalidateQueries({ queryKey: qk.planObservationsAll(planId) });
  void qc.invalidateQueries({ queryKey: qk.inbox() });
  if (approved) {
    void qc.invalidateQueries({ queryKey: qk.evaluations(planId) });
    void qc.invalidateQueries({ queryKey: qk.seriesAll(planId) });
  }
}

/** Save, submit, approve and return one value of the plan `planId`. */
export function useObservationActions(planId: string | null) {
  const qc = useQueryClient();
  const after = (approved: boolean) => (o: Observation) =>
    invalidateAfterValueWrite(qc, planId, [o.indicatorId], approved);
  /** A draft or returned value is edited in place; otherwise a new one (or a new version of an approved one) is created. */
  const save = useMutation({
    mutationFn: ({ input, existing }: { input: ObservationInput; existing?: Observation | undefined }) => {
      if (existing && (existing.status === 'draft' || existing.status === 'returned')) {
        const { value, text, note } = input;
        return api<ObservationResult>(`/api/observations/${existing.id}`, {
          method: 'PATCH',
          body: { value, text, note },
        });
      }
      return api<ObservationResult>('/api/observations', { method: 'POST', body: input });
    },
    onSuccess: (r) => after(false)(r.observation),
  });
  const submit = useMutation({
    mutationFn: (id: string) => api<Observation>(`/api/observations/${id}/submit`, { method: 'POST' }),
    onSuccess: after(false),
  });
  const approve = useMutation({
    mutationFn: (id: string) => api<Observation>(`/api/observations/${id}/approve`, { method: 'POST' }),
    onSuccess: after(true),
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Observation>(`/api/observations/${id}/return`, { method: 'POST', body: { reason } }),
    onSuccess: after(false),
  });
  return { save, submit, approve, giveBack };
}
