import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { Assignment, Department, SessionUser } from '../../lib/types.ts';

export const useDepartments = () =>
  useQuery({
    queryKey: qk.departments(),
    queryFn: ({ signal }) =>
      api<{ items: Department[] }>('/api/departments', { signal }).then((r) => r.items),
  });

export const useUsers = () =>
  useQuery({
    queryKey: qk.users(),
    queryFn: ({ signal }) => api<{ items: SessionUser[] }>('/api/users', { signal }).then((r) => r.items),
  });

export const useAssignments = (planId: string | null, enabled = true) =>
  useQuery({
    queryKey: qk.assignments(planId),
    queryFn: ({ signal }) =>
      api<{ items: Assignment[] }>(`/api/plans/${planId ?? ''}/assignments`, { signal }).then((r) => r.items),
    enabled: enabled && !!planId,
  });

export function errText(err: unknown, fallback: string): string {
  return err instanceof Error ? err.message : fallback;
}
