import type { Db, Queryable } from '../../../db/db.types.ts';
import { supervisionRepository } from '../../../db/repositories/supervision.repository.ts';
import { addDays, daysBetween, isoDay } from '../../../domain/reporting-calendar.ts';
import { WAITING_FOR } from '../../../domain/supervision.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';
import { notify } from '../notifications/notifications.service.ts';

const link = (id: string) => `/supervision?id=${id}`;

/** 通报: the units with overdue 督办 steps, each with its overdue orders (planning office and assessors). */
export async function bulletin(
  db: Queryable,
  user: SessionUser,
  planId: string | undefined,
  now = new Date(),
) {
  authorize(user, 'readSupervisionBulletin', 'office');
  const today = isoDay(now);
  const rows = await supervisionRepository.overdue(db, today, planId ?? null);
  interface Overdue {
    id: string;
    title: string;
    subjectTitle: string;
    waitingFor: { zh: string; en: string } | null;
    stepDue: string | null;
    daysOverdue: number;
  }
  const units = new Map<string, { department: { code: string; name: string }; orders: Overdue[] }>();
  for (const o of rows) {
    const u = units.get(o.departmentCode) ?? {
      department: { code: o.departmentCode, name: o.departmentName },
      orders: [],
    };
    // The query keeps only orders whose step was due before today, so the step has a due day.
    const days = daysBetween(o.stepDue!, today);
    u.orders.push({
      id: o.id,
      title: o.title,
      subjectTitle: o.subjectTitle,
      waitingFor: o.status === 'closed' ? null : WAITING_FOR[o.status],
      stepDue: o.stepDue,
      daysOverdue: days,
    });
    units.set(o.departmentCode, u);
  }
  return { today, units: [...units.values()].map((u) => ({ ...u, count: u.orders.length })) };
}

/** Reminders: a step due within 3 days (department), overdue (department and planning office); once each. */
export async function supervisionDueSweep(db: Db, now: Date): Promise<number> {
  const today = isoDay(now);
  const soon = addDays(today, 3);
  let sent = 0;
  const open = await supervisionRepository.list(db, { departmentIds: null, state: 'open' });
  for (const o of open) {
    const status = o.status;
    if (!o.stepDue || o.stepDue > soon || status === 'closed') continue;
    const overdue = o.stepDue < today;
    const event = overdue ? 'supervision_overdue' : 'supervision_due_soon';
    sent += await db.transaction((tx) =>
      notify(tx, {
        event,
        params: {
          item: `${o.title}（${o.subjectTitle}）`,
          step: WAITING_FOR[status].zh,
          due: o.stepDue!,
        },
        link: link(o.id),
        to: { departmentIds: [o.departmentId], office: overdue },
        dedupeKey: `${event}:${o.id}:${o.status}:${o.stepDue}`,
      }),
    );
  }
  return sent;
}
