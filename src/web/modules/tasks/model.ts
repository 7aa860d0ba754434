import type { TaskStatus } from '../../../domain/evaluation/tasks.ts';

/** The tag colour of each task status, in the order the statuses are offered and counted. */
export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  completed: 'success',
  delayed: 'warning',
  blocked: 'error',
};

/** How much of a part of the plan its progress figure stands for. */
export interface Coverage {
  reported: number;
  total: number;
  /** Every task has reported: the roll-up is the part's progress, not an average of a sample. */
  whole: boolean;
  /** The weighted average of the reported tasks, rounded (null when none has reported). */
  percent: number | null;
}

export function coverage(node: {
  counts: Partial<Record<string, number>>;
  unreported: number;
  percent: number | null;
}): Coverage {
  const reported = Object.values(node.counts).reduce<number>((a, b) => a + (b ?? 0), 0);
  const total = reported + node.unreported;
  return {
    reported,
    total,
    whole: total > 0 && node.unreported === 0,
    percent: reported > 0 && node.percent !== null ? Math.round(node.percent) : null,
  };
}
