import { fail, LantuError, ok, type Result } from './errors.ts';
import type { ObservationStatus } from './observation.ts';

export const WORKFLOW_ACTIONS = ['edit', 'submit', 'approve', 'return'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * draft → submitted → approved, or submitted → returned (with a reason) → draft.
 * Approved values are locked: a correction is a new version, never an edit.
 */
export function nextStatus(current: ObservationStatus, action: WorkflowAction): Result<ObservationStatus> {
  if (current === 'approved') {
    return fail(
      new LantuError('conflict', {
        zh: '已审核数据已锁定，请提交更正版本',
        en: 'This value is approved and locked; submit a correction as a new version',
      }),
    );
  }
  switch (action) {
    case 'edit':
      return current === 'submitted' ? fail(wrong(current, action)) : ok('draft');
    case 'submit':
      return current === 'submitted' ? fail(wrong(current, action)) : ok('submitted');
    case 'approve':
      return current === 'submitted' ? ok('approved') : fail(wrong(current, action));
    case 'return':
      return current === 'submitted' ? ok('returned') : fail(wrong(current, action));
  }
}

function wrong(current: ObservationStatus, action: WorkflowAction): LantuError {
  return new LantuError('conflict', {
    zh: '当前状态不允许此操作',
    en: `Cannot ${action} a value that is ${current}`,
  });
}

/** "2024", "2024Q2" or "2024-05" → its year and the date the period ends. */
export function parsePeriod(period: string): { year: number; end: Date } | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { year: Number(m[1]), end: new Date(Date.UTC(Number(m[1]), 11, 31)) };
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return { year: Number(m[1]), end: new Date(Date.UTC(Number(m[1]), Number(m[2]) * 3, 0)) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { year: Number(m[1]), end: new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)) };
  return null;
}
