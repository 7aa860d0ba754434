/**
 * 督办单 (supervision orders, issue 16 §4): the planning office assigns (交办) a correction to an item's lead
 * department; the department acknowledges (签收), submits a corrective plan (整改计划: measures with
 * milestones and dates) and reports progress; the office verifies (核查) and closes the order (销号) or
 * returns it. The state machine, the step deadlines and the light are here; pure, no I/O.
 */
import type { Bilingual } from './evaluation/types.ts';
import type { DueLight } from './due-light.ts';
import { LantuError } from './errors.ts';
import { addWorkingDays } from './feedback.ts';
import { daysBetween, isoDay } from './reporting-calendar.ts';

export const SUPERVISION_STATUSES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'returned',
  'closed',
] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export const SUPERVISION_ACTIONS = ['acknowledge', 'submit_plan', 'report', 'close', 'return'] as const;
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number];

export const SUPERVISION_SUBJECTS = ['indicator', 'task', 'project'] as const;
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number];

/** Who takes a step: the office (交办, 核查, 销号, 退回) or the order's department (签收, 整改, 进展). */
export type SupervisionActor = 'office' | 'department';

/** Working days the department has to acknowledge an order, and to resubmit a returned plan. */
export const ACK_WORKING_DAYS = 2;
export const REDO_WORKING_DAYS = 5;
/** The light turns yellow this many days before a step's deadline. */
export const SUPERVISION_YELLOW_DAYS = 3;
/** The longest title and requirement an order takes (the office's form and the API alike). */
export const ORDER_TEXT_LIMITS = { title: 200, requirement: 2000 } as const;

const TRANSITIONS: Record<
  SupervisionAction,
  { actor: SupervisionActor; from: readonly SupervisionStatus[]; to: SupervisionStatus }
> = {
  acknowledge: { actor: 'department', from: ['assigned'], to: 'acknowledged' },
  submit_plan: { actor: 'department', from: ['acknowledged', 'returned'], to: 'in_progress' },
  report: { actor: 'department', from: ['in_progress'], to: 'in_progress' },
  close: { actor: 'office', from: ['in_progress'], to: 'closed' },
  return: { actor: 'office', from: ['in_progress'], to: 'returned' },
};

export const STATUS_LABELS: Record<SupervisionStatus, Bilingual> = {
  assigned: { zh: '已交办，待签收', en: 'Assigned, awaiting acknowledgement' },
  acknowledged: { zh: '已签收，待报整改计划', en: 'Acknowledged, corrective plan due' },
  in_progress: { zh: '整改中', en: 'Correction under way' },
  returned: { zh: '已退回，待重新整改', en: 'Returned for rework' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const ACTION_LABELS: Record<SupervisionAction | 'open', Bilingual> = {
  open: { zh: '交办', en: 'Assigned' },
  acknowledge: { zh: '签收', en: 'Acknowledged' },
  submit_plan: { zh: '提交整改计划', en: 'Corrective plan submitted' },
  report: { zh: '报送整改进展', en: 'Progress reported' },
  close: { zh: '核查销号', en: 'Verified and closed' },
  return: { zh: '核查退回', en: 'Verified and returned' },
};

/** What the order waits for in each open status (the step whose deadline counts). */
export const WAITING_FOR: Record<Exclude<SupervisionStatus, 'closed'>, Bilingual> = {
  assigned: { zh: '签收', en: 'Acknowledgement' },
  acknowledged: { zh: '整改计划', en: 'The corrective plan' },
  returned: { zh: '重新提交整改计划', en: 'The revised corrective plan' },
  in_progress: { zh: '整改完成', en: 'Completion of the correction' },
};

/** Which actions each status allows, and to whom. */
export function allowedActions(status: SupervisionStatus, actor: SupervisionActor): SupervisionAction[] {
  return SUPERVISION_ACTIONS.filter(
    (a) => TRANSITIONS[a].actor === actor && TRANSITIONS[a].from.includes(status),
  );
}

export interface Measure {
  title: string;
  milestone: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
}

export interface StepInput {
  action: SupervisionAction;
  /** 签收 may say nothing; a report, a verification and a return must. */
  body: string | null;
  measures?: readonly Measure[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The next status for a step, or a typed error: `forbidden` when the step is not the actor's, `conflict`
 * when the order's status does not allow it, `validation_failed` when the step lacks what it needs.
 */
export function transition(
  status: SupervisionStatus,
  actor: SupervisionActor,
  step: StepInput,
  deadline: string,
): SupervisionStatus {
  const t = TRANSITIONS[step.action];
  if (t.actor !== actor)
    throw new LantuError(
      'forbidden',
      t.actor === 'office'
        ? {
            zh: '核查、销号、退回由规划主管部门办理',
            en: 'Only the planning office verifies and closes or returns an order',
          }
        : {
            zh: '签收与整改由责任部门办理',
            en: 'Only the order’s department acknowledges it and reports on it',
          },
    );
  if (!t.from.includes(status))
    throw new LantuError('conflict', {
      zh: `当前状态（${STATUS_LABELS[status].zh}）不能${ACTION_LABELS[step.action].zh}`,
      en: `The order is ${STATUS_LABELS[status].en}; “${ACTION_LABELS[step.action].en}” is not possible now`,
    });
  const body = step.body?.trim() ?? '';
  if (step.action !== 'acknowledge' && step.action !== 'submit_plan' && !body)
    throw new LantuError('validation_failed', { zh: '请填写说明', en: 'Say what was done or why' });
  if (step.action === 'submit_plan') {
    const ms = step.measures ?? [];
    if (ms.length === 0)
      throw new LantuError('validation_failed', {
        zh: '整改计划至少包含一项措施',
        en: 'A corrective plan needs at least one measure',
      });
    for (const m of ms) {
      if (!m.title.trim())
        throw new LantuError('validation_failed', { zh: '措施须有内容', en: 'Every measure needs a title' });
      if (!isDay(m.dueDate))
        throw new LantuError('validation_failed', {
          zh: '日期格式有误',
          en: `A measure’s date must be YYYY-MM-DD (got ${m.dueDate})`,
        });
      if (m.dueDate > deadline)
        throw new LantuError('validation_failed', {
          zh: '措施完成时间晚于督办期限',
          en: `Measure “${m.title}” ends ${m.dueDate}, after the order’s deadline ${deadline}`,
        });
    }
  }
  return t.to;
}

/** The deadline of the step an order waits for once it reaches `status` at `at`; null when closed. */
export function stepDue(
  status: SupervisionStatus,
  order: { planDue: string; deadline: string },
  at: Date,
): string | null {
  switch (status) {
    case 'assigned': {
      const ack = isoDay(addWorkingDays(at, ACK_WORKING_DAYS));
      return ack < order.planDue ? ack : order.planDue;
    }
    case 'acknowledged':
      return order.planDue;
    case 'returned': {
      const redo = isoDay(addWorkingDays(at, REDO_WORKING_DAYS));
      return redo < order.deadline ? redo : order.deadline;
    }
    case 'in_progress':
      return order.deadline;
    case 'closed':
      return null;
  }
}

/** An order's light has the same four values as a 待办 deadline's. */
export type SupervisionLight = DueLight;

/** Red once the waited-for step is overdue (escalation), yellow within SUPERVISION_YELLOW_DAYS of it. */
export function supervisionLight(
  status: SupervisionStatus,
  due: string | null,
  today: string,
): SupervisionLight {
  if (status === 'closed' || due === null) return 'done';
  const days = daysBetween(today, due);
  if (days < 0) return 'red';
  return days <= SUPERVISION_YELLOW_DAYS ? 'yellow' : 'green';
}

/** A new order's dates: the plan is due no later than the deadline, both not in the past. */
export function checkOrderDates(planDue: string, deadline: string, today: string): void {
  if (!isDay(planDue) || !isDay(deadline))
    throw new LantuError('validation_failed', { zh: '日期格式有误', en: 'Dates must be YYYY-MM-DD' });
  if (deadline < today)
    throw new LantuError('validation_failed', {
      zh: '督办期限不能早于今天',
      en: `The deadline ${deadline} has passed`,
    });
  if (planDue > deadline)
    throw new LantuError('validation_failed', {
      zh: '整改计划提交时间不能晚于督办期限',
      en: `The corrective plan (${planDue}) must be due before the deadline (${deadline})`,
    });
}

/** For the 考核 and the 通报: closed by the deadline. */
export const closedOnTime = (closedAt: Date, deadline: string): boolean => isoDay(closedAt) <= deadline;
