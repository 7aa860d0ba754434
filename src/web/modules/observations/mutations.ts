import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
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

/** Writes change inboxes, value tables and evaluations: refresh them all. */
function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['bo'] });
    void qc.invalidateQueries({ queryKey: ['plan'] });
  };
}

export function useObservationActions() {
  const refresh = useRefresh();
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
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: (id: string) => api<Observation>(`/api/observations/${id}/submit`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const approve = useMutation({
    mutationFn: (id: string) => api<Observation>(`/api/observations/${id}/approve`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Observation>(`/api/observations/${id}/return`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
  return { save, submit, approve, giveBack };
}
