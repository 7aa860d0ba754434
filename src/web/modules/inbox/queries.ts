import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { InboxItem, OverdueMilestones } from '../../lib/types.ts';

export const useInbox = (enabled: boolean) =>
  useQuery({
    queryKey: qk.inbox(),
    queryFn: ({ signal }) => api<{ items: InboxItem[] }>('/api/inbox', { signal }),
    enabled,
    staleTime: 30_000,
  });

export const useOverdueMilestones = () =>
  useQuery({
    queryKey: qk.overdueMilestones(),
    queryFn: ({ signal }) => api<OverdueMilestones>('/api/milestones/overdue', { signal }),
  });
