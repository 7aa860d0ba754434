import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Observation } from '../../lib/types.ts';

/** The server answers a write with the observation, possibly wrapped with warnings. */
export type ObservationWrite = Observation | { observation: Observation; warnings?: { zh: string; en: string }[] };

export function unwrap(w: ObservationWrite): { observation: Observation; warnings: { zh: string; en: string }[] } {
  if ('observation' in w) return { observation: w.observation, warnings: w.warnings ?? [] };
  return { observation: w, warnings: [] };
}

export interface ObservationInput {
  indicatorId: string;
  period: string;
  value?: number;
  text?: string;
  note?: string;
  reason?: string;
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
  const save = useMutation({
    mutationFn: (input: ObservationInput) => api<ObservationWrite>('/api/observations', { method: 'POST', body: input }).then(unwrap),
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: (id: string) => api<ObservationWrite>(`/api/observations/${id}/submit`, { method: 'POST', body: {} }).then(unwrap),
    onSuccess: refresh,
  });
  const approve = useMutation({
    mutationFn: (id: string) => api<ObservationWrite>(`/api/observations/${id}/approve`, { method: 'POST', body: {} }).then(unwrap),
    onSuccess: refresh,
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<ObservationWrite>(`/api/observations/${id}/return`, { method: 'POST', body: { reason } }).then(unwrap),
    onSuccess: refresh,
  });
  return { save, submit, approve, giveBack };
}
