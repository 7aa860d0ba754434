import type { Db, Queryable } from '../../../db/db.types.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import type { IndicatorAccess } from '../../../db/repositories/observations.repository.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import { warningsRepository } from '../../../db/repositories/warnings.repository.ts';
import { isoDay, periodsToReport, planCollects } from '../../../domain/reporting-calendar.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notify } from '../notifications/notifications.service.ts';

/**
 * Tells the other side of the value workflow (called in the step's transaction): a submitted value waits for
 * the planning office's approval; a returned one goes back to the indicator's departments with the reason.
 */
export async function notifyValueStep(
  tx: Queryable,
  user: SessionUser,
  ind: IndicatorAccess,
  o: { id: string; period: string },
  step: 'submitted' | 'returned',
  reason: string | null,
): Promise<void> {
  const item = `${ind.code} ${ind.name}`;
  if (step === 'submitted') {
    const department = user.departments.find((d) => ind.departmentIds.includes(d.id)) ?? user.departments[0];
    await notify(tx, {
      event: 'value_submitted',
      params: { item, period: o.period, department: department?.name ?? user.email },
      link: '/inbox',
      to: { office: true },
      exceptUserId: user.id,
    });
    return;
  }
  await notify(tx, {
    event: 'value_returned',
    params: { item, period: o.period, reason: reason ?? '' },
    link: '/entry',
    to: { departmentIds: ind.departmentIds },
    exceptUserId: user.id,
  });
}

/**
 * How many days ahead the departments are reminded of a value coming due (LANTU_REPORT_REMIND_DAYS, default 7).
 * Unset, empty or not a whole number from 1 to 60: the default.
 */
export function reportRemindDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LANTU_REPORT_REMIND_DAYS?.trim() || NaN);
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : 7;
}

/** Once an hour per node is enough for a day-based reminder; the dedupe key keeps it single across nodes. */
const INTERVAL_MS = 60 * 60_000;
let lastRun = Number.NEGATIVE_INFINITY;

/**
 * Reporting reminders (issue 16 §5): a value due within N days and not yet entered (to its lead department), and
 * a value past its due date (to its lead department, one notification per indicator and period; to the planning
 * office, one per department and deadline listing the indicators) — only periods that fell due once the plan was
 * in lantu, as the early warnings count them. Once per key however many nodes run it, however often.
 */
export async function reportingDueSweep(db: Db, now: Date, force = false): Promise<number> {
  if (!force && now.getTime() - lastRun < INTERVAL_MS) return 0;
  lastRun = now.getTime();
  const horizon = reportRemindDays();
  const names = new Map((await departmentsRepository.list(db)).map((d) => [d.id, d.name]));
  let sent = 0;
  for (const plan of await reportingRepository.currentPlans(db)) {
    if (!planCollects(plan.periodEnd, now)) continue;
    const since = await warningsRepository.collectingSince(db, plan.id);
    const indicators = await reportingRepository.indicators(db, [plan.id], null);
    const lead = await warningsRepository.leadDepartments(db, plan.id);
    const have = new Set(
      (
        await reportingRepository.latestValues(
          db,
          indicators.map((i) => i.id),
        )
      ).map((v) => `${v.indicatorId}|${v.period}`),
    );
    const late = new Map<
      string,
      { departmentId: string; due: string; items: string[]; periods: Set<string> }
    >();
    for (const ind of indicators) {
      const departmentId = lead.get(ind.id);
      if (!departmentId) continue;
      const calendar = { frequency: ind.frequency, dueDays: ind.dueDays, planStart: plan.periodStart };
      for (const p of periodsToReport({ ...calendar, planEnd: plan.periodEnd }, now, horizon)) {
        if (have.has(`${ind.id}|${p.period}`)) continue;
        if (p.overdue && since && p.due.getTime() < since.getTime()) continue;
        const event = p.overdue ? 'report_overdue' : 'report_due_soon';
        const due = isoDay(p.due);
        sent += await db.transaction((tx) =>
          notify(tx, {
            event,
            params: { item: `${ind.code} ${ind.name}`, period: p.period, due },
            link: '/entry',
            to: { departmentIds: [departmentId] },
            dedupeKey: `${event}:${ind.id}:${p.period}`,
          }),
        );
        if (!p.overdue) continue;
        const unit = late.get(`${departmentId}|${due}`) ?? {
          departmentId,
          due,
          items: [],
          periods: new Set(),
        };
        unit.items.push(ind.code);
        unit.periods.add(p.period);
        late.set(`${departmentId}|${due}`, unit);
      }
    }
    for (const u of late.values()) {
      const shown = u.items.slice(0, 5).join('、') + (u.items.length > 5 ? '…' : '');
      sent += await db.transaction((tx) =>
        notify(tx, {
          event: 'report_overdue',
          params: {
            item: `${names.get(u.departmentId) ?? ''} ${u.items.length}项（${shown}）`,
            period: [...u.periods].join('、'),
            due: u.due,
          },
          link: '/inbox',
          to: { office: true },
          dedupeKey: `report_overdue:${plan.id}:${u.departmentId}:${u.due}`,
        }),
      );
    }
  }
  return sent;
}
