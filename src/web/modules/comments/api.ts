import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentTodoItem, ModerationQueueItem } from '../../../domain/comment-desk.ts';
import type { DueLight } from '../../../domain/due-light.ts';
import { api } from '../../lib/api.ts';

/** Comments in the workspace (issue 16 §1): the moderation queue, the departments' 待办, reply templates. */
export const deskKeys = {
  all: ['bo', 'comment-desk'] as const,
  queue: () => ['bo', 'comment-desk', 'queue'] as const,
  todo: () => ['bo', 'comment-desk', 'todo'] as const,
  templates: () => ['bo', 'comment-desk', 'templates'] as const,
};

/** The desk's items as the API answers them: the same definitions the server's service uses. */
export type Light = DueLight;
export type QueueItem = ModerationQueueItem;
export type TodoItem = CommentTodoItem;

export interface ReplyTemplate {
  id: string;
  department: string | null;
  title: string;
  body: string;
}

export const useModerationQueue = () =>
  useQuery({
    queryKey: deskKeys.queue(),
    queryFn: ({ signal }) => api<{ items: QueueItem[] }>('/api/comment-desk/moderation', { signal }),
  });

export const useCommentTodo = (enabled = true) =>
  useQuery({
    queryKey: deskKeys.todo(),
    queryFn: ({ signal }) => api<{ items: TodoItem[] }>('/api/comment-desk/todo', { signal }),
    enabled,
    staleTime: 30_000,
  });

export const useReplyTemplates = () =>
  useQuery({
    queryKey: deskKeys.templates(),
    queryFn: ({ signal }) => api<{ items: ReplyTemplate[] }>('/api/reply-templates', { signal }),
  });

export const useDepartments = () =>
  useQuery({
    queryKey: ['bo', 'departments'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; code: string; name: string }[] }>('/api/departments', { signal }),
  });

/** A write of the desk: afterwards the queue, the 待办 and the notifications are read again. */
export function useDeskWrite<V>(send: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: deskKeys.all });
      await qc.invalidateQueries({ queryKey: ['bo', 'notifications'] });
    },
  });
}
