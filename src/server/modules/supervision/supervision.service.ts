import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import {
  supervisionRepository,
  type MeasureRow,
  type OrderRow,
} from '../../../db/repositories/supervision.repository.ts';
import { warningsRepository } from '../../../db/repositories/warnings.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import { isoDay } from '../../../domain/reporting-calendar.ts';
import {
  ACTION_LABELS,
  allowedActions,
  checkOrderDates,
  STATUS_LABELS,
  stepDue,
  supervisionLight,
  transition,
  WAITING_FOR,
  type Measure,
  type SupervisionAction,
  type SupervisionActor,
  type SupervisionStatus,
  type SupervisionSubject,
} from '../../../domain/supervision.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notFound } from '../../errors.ts';
import { authorize, can, departmentScope } from '../../policies/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { iso } from '../../timestamps.ts';

export interface OpenInput {
  subjectType?: SupervisionSubject | undefined;
  subjectId?: string | undefined;
  /** Open from a warning: its subject is the order's. */
  warningId?: string | undefined;
  /** Defaults to the subject's lead department. */
  department?: string | undefined;
  title: string;
  requirement: string;
  planDue: string;
  deadline: string;
}

const link = (id: string) => `/supervision?id=${id}`;

async function resolveSubject(db: Queryable, input: OpenInput) {
  let type = input.subjectType;
  let id = input.subjectId;
  let warningId: string | null = null;
  if (input.warningId) {
    const w = await warningsRepository.find(db, input.warningId);
    if (!w) throw notFound('Warning', input.warningId);
    if (w.subjectType !== 'indicator' && w.subjectType !== 'task' && w.subjectType !== 'project')
      throw new LantuError('validation_failed', {
        zh: '督办对象须为指标、任务或项目',
        en: 'A supervision order concerns an indicator, a task or a project',
      });
    type = w.subjectType;
    id = w.subjectId;
    warningId = w.id;
  }
  if (!type || !id)
    throw new LantuError('validation_failed', {
      zh: '请指定督办对象',
      en: 'Name the item (subjectType and subjectId) or a warning',
    });
  const subject = await supervisionRepository.subject(db, type, id);
  if (!subject) throw notFound(type, id);
  return { type, id, warningId, subject };
}

/** The planning office opens (交办) a 督办单 to the item's lead department; audited and notified. */
export async function openOrder(db: Db, user: SessionUser, input: OpenInput, now = new Date()) {
  authorize(user, 'openSupervision', 'office');
  const title = input.title.trim();
  const requirement = input.requirement.trim();
  if (!title || !requirement)
    throw new LantuError('validation_failed', {
      zh: '请填写督办事项和整改要求',
      en: 'An order needs a title and the response required',
    });
  checkOrderDates(input.planDue, input.deadline, isoDay(now));
  const { type, id, warningId, subject } = await resolveSubject(db, input);
  let departmentId = subject.leadDepartmentId;
  if (input.department) {
    const d = await departmentsRepository.findByCode(db, input.department);
    if (!d)
      throw new LantuError('validation_failed', {
        zh: '部门不存在',
        en: `No department ${input.department}`,
      });
    departmentId = d.id;
  }
  if (!departmentId)
    throw new LantuError('validation_failed', {
      zh: '该事项无牵头部门，请选择督办部门',
      en: 'The item has no lead department: choose the department to supervise',
    });
  const orderId = await db.transaction(async (tx) => {
    const due = stepDue('assigned', input, now);
    const newId = await supervisionRepository.insert(
      tx,
      {
        planId: subject.planId,
        subjectType: type,
        subjectId: id,
        subjectTitle: subject.title,
        departmentId: departmentId,
        warningId,
        title,
        requirement,
        planDue: input.planDue,
        deadline: input.deadline,
        stepDue: due,
        openedBy: user.id,
      },
      now,
    );
    await supervisionRepository.insertStep(tx, {
      orderId: newId,
      action: 'open',
      fromStatus: null,
      toStatus: 'assigned',
      body: requirement,
      actorId: user.id,
      actor: user.email,
      at: now,
    });
    await recordAudit(tx, user, 'open', 'supervision', newId, {
      before: null,
      after: {
        subjectType: type,
        subjectId: id,
        departmentId,
        title,
        planDue: input.planDue,
        deadline: input.deadline,
        warningId,
      },
    });
    await notify(tx, {
      event: 'supervision_opened',
      params: { item: `${title}（${subject.title}）`, due: input.planDue },
      link: link(newId),
      to: { departmentIds: [departmentId] },
      dedupeKey: `supervision_opened:${newId}`,
      exceptUserId: user.id,
    });
    return newId;
  });
  return getOrder(db, user, orderId, now);
}

/** Orders whose corrective measures the portal shows under a lagging indicator (supervisionRepository.measuresOfSubject). */
const PORTAL_SHOWN: ReadonlySet<SupervisionStatus> = new Set(['in_progress', 'closed']);

export interface StepBody {
  action: SupervisionAction;
  body?: string | null | undefined;
  measures?: Measure[] | undefined;
  /** With a progress report: the measures now done. */
  doneMeasureIds?: string[] | undefined;
}

/** A step on an order by its department or the planning office, through the state machine; audited, notified. */
export async function actOnOrder(db: Db, user: SessionUser, id: string, step: StepBody, now = new Date()) {
  await db.transaction(async (tx) => {
    const o = await supervisionRepository.find(tx, id, { forUpdate: true });
    if (!o) throw notFound('Supervision order', id);
    authorize(user, 'read', 'supervision', o);
    const actor: SupervisionActor = user.role === 'department' ? 'department' : 'office';
    if (actor === 'department') authorize(user, 'respond', 'supervision', o);
    else authorize(user, 'verify', 'supervision', o);
    const body = step.body?.trim() || null;
    const to = transition(
      o.status,
      actor,
      { action: step.action, body, measures: step.measures ?? [] },
      o.deadline,
    );
    const due = stepDue(to, o, now);
    await supervisionRepository.setStatus(tx, id, { status: to, stepDue: due, at: now });
    if (step.action === 'submit_plan')
      await supervisionRepository.replaceMeasures(tx, id, step.measures ?? []);
    if (step.action === 'report')
      await supervisionRepository.markMeasuresDone(tx, id, step.doneMeasureIds ?? [], isoDay(now));
    // The portal shows the measures of an indicator's orders in progress or closed (a plan setting).
    if (o.subjectType === 'indicator' && (PORTAL_SHOWN.has(o.status) || PORTAL_SHOWN.has(to)))
      await dataChanged(tx);
    const summary =
      step.action === 'submit_plan'
        ? [body, ...(step.measures ?? []).map((m) => `· ${m.title}（${m.dueDate}）`)]
            .filter(Boolean)
            .join('\n')
        : body;
    await supervisionRepository.insertStep(tx, {
      orderId: id,
      action: step.action,
      fromStatus: o.status,
      toStatus: to,
      body: summary,
      actorId: user.id,
      actor: user.email,
      at: now,
    });
    await recordAudit(tx, user, step.action, 'supervision', id, {
      before: { status: o.status },
      after: { status: to, body, ...(step.measures ? { measures: step.measures } : {}) },
    });
    const item = `${o.title}（${o.subjectTitle}）`;
    if (step.action === 'return')
      await notify(tx, {
        event: 'supervision_returned',
        params: { item, reason: body ?? '' },
        link: link(id),
        to: { departmentIds: [o.departmentId] },
        exceptUserId: user.id,
      });
    else
      await notify(tx, {
        event: 'supervision_step',
        params: { item, step: ACTION_LABELS[step.action].zh },
        link: link(id),
        to: actor === 'department' ? { office: true } : { departmentIds: [o.departmentId] },
        exceptUserId: user.id,
      });
  });
  return getOrder(db, user, id, now);
}

function presentOrder(o: OrderRow, user: SessionUser, today: string, measures: readonly MeasureRow[] = []) {
  const actor: SupervisionActor = user.role === 'department' ? 'department' : 'office';
  const mayAct =
    actor === 'department' ? can(user, 'respond', 'supervision', o) : can(user, 'verify', 'supervision', o);
  const light = supervisionLight(o.status, o.stepDue, today);
  return {
    id: o.id,
    planId: o.planId,
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    subjectTitle: o.subjectTitle,
    department: { code: o.departmentCode, name: o.departmentName },
    warningId: o.warningId,
    title: o.title,
    requirement: o.requirement,
    planDue: o.planDue,
    deadline: o.deadline,
    status: o.status,
    statusLabel: STATUS_LABELS[o.status],
    waitingFor: o.status === 'closed' ? null : WAITING_FOR[o.status],
    stepDue: o.stepDue,
    light,
    overdue: light === 'red',
    openedAt: iso(o.openedAt),
    closedAt: iso(o.closedAt),
    actions: mayAct ? allowedActions(o.status, actor) : [],
    measures: measures.map((m) => ({
      id: m.id,
      title: m.title,
      milestone: m.milestone,
      dueDate: m.dueDate,
      doneOn: m.doneOn,
      overdue: m.doneOn === null && m.dueDate < today,
    })),
  };
}
export type PresentedOrder = ReturnType<typeof presentOrder>;

export async function getOrder(db: Queryable, user: SessionUser, id: string, now = new Date()) {
  const o = await supervisionRepository.find(db, id);
  if (!o) throw notFound('Supervision order', id);
  authorize(user, 'read', 'supervision', o);
  const [steps, measures] = await Promise.all([
    supervisionRepository.steps(db, id),
    supervisionRepository.measures(db, [id]),
  ]);
  return {
    ...presentOrder(o, user, isoDay(now), measures),
    steps: steps.map((s) => ({
      action: s.action,
      label: ACTION_LABELS[s.action],
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      body: s.body,
      actor: s.actor,
      at: iso(s.at),
    })),
  };
}

/** Orders a user may see: a department its own, the office and assessors all; open ones first, most urgent first. */
export async function listOrders(
  db: Queryable,
  user: SessionUser,
  q: {
    planId?: string | undefined;
    subjectType?: SupervisionSubject | undefined;
    subjectId?: string | undefined;
    state: 'open' | 'closed' | 'all';
  },
  now = new Date(),
) {
  const scope = departmentScope(user);
  const rows = await supervisionRepository.list(db, {
    ...q,
    departmentIds: scope.all ? null : scope.departmentIds,
  });
  const measures = await supervisionRepository.measures(
    db,
    rows.map((r) => r.id),
  );
  const today = isoDay(now);
  return rows.map((o) =>
    presentOrder(
      o,
      user,
      today,
      measures.filter((m) => m.orderId === o.id),
    ),
  );
}
