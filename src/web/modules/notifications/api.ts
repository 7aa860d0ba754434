import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const notificationKeys = {
  all: ['bo', 'notifications'] as const,
  list: () => ['bo', 'notifications', 'list'] as const,
  count: () => ['bo', 'notifications', 'count'] as const,
  preferences: () => ['bo', 'notifications', 'preferences'] as const,
};

export interface AppNotification {
  id: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export type MailMode = 'instant' | 'digest' | 'off';

export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.count(),
    queryFn: ({ signal }) => api<{ unread: number }>('/api/notifications/unread-count', { signal }),
    enabled,
    refetchInterval: 60_000,
  });

export const useNotifications = () =>
  useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) =>
      api<{ items: AppNotification[]; unread: number }>('/api/notifications?limit=100', { signal }),
  });

export const usePreferences = () =>
  useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) =>
      api<{ mail: MailMode; mailConfigured: boolean }>('/api/notifications/preferences', { signal }),
  });

export function useNotificationWrite<V>(send: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
