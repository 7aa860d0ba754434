import type { Db } from '../../../db/db.types.ts';
import { commentDeskRepository } from '../../../db/repositories/comment-desk.repository.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import { supervisionRepository } from '../../../db/repositories/supervision.repository.ts';
import { warningsRepository } from '../../../db/repositories/warnings.repository.ts';
import { isoDay, periodsToReport } from '../../../domain/reporting-calendar.ts';
import { WAITING_FOR } from '../../../domain/supervision.ts';
import type { AnnualFacts, IndicatorFacts, WarningFacts } from '../../../domain/warnings.ts';
import { executionTable } from '../annual-plan/annual-plan.service.ts';
import { evaluatePlanYears } from '../live-evaluation/live-evaluation.service.ts';

export interface SweptPlan {
  id: string;
  periodStart: number;
  periodEnd: number;
}

/** Share of the calendar year gone on `today` (the 时序进度 a year's investment is compared with). */
export function yearElapsed(today: Date): number {
  const y = today.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return (today.getTime() - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/**
 * Everything the warning rules judge for one plan on one day, read from the existing modules: the live
 * evaluation (time-progress, approved values only), the annual plan's execution table, the reporting
 * calendar, comments, the project library, task milestones and supervision orders.
 */
export async function gatherFacts(db: Db, plan: SweptPlan, now: Date): Promise<WarningFacts> {
  const today = isoDay(now);
  const thisYear = now.getUTCFullYear();
  const lead = await warningsRepository.leadDepartments(db, plan.id);

  // Indicators: the judged years with data of their own (a year judged on an earlier year's value repeats it).
  const lastYear = Math.min(thisYear, plan.periodEnd);
  const indicators: IndicatorFacts[] = [];
  if (lastYear >= plan.periodStart) {
    const ev = await evaluatePlanYears(db, plan.id, { to: lastYear, method: 'time', scope: 'all' });
    const byCode = new Map<string, IndicatorFacts>();
    for (const y of ev.years)
      for (const i of y.indicators) {
        const id = ev.ids[i.code];
        if (!id || i.dataYear !== y.year) continue;
        const f = byCode.get(i.code) ?? {
          id,
          code: i.code,
          name: i.name,
          departmentId: lead.get(id) ?? null,
          years: [],
        };
        (f.years as IndicatorFacts['years'][number][]).push({
          year: y.year,
          verdict: i.verdict,
          progress: i.progress,
          elapsed: i.elapsed,
        });
        byCode.set(i.code, f);
      }
    indicators.push(...byCode.values());
  }

  // Annual targets: last year's outcome and this year's half-year check.
  const annual: AnnualFacts[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    if (year < plan.periodStart || year > plan.periodEnd) continue;
    for (const r of await executionTable(db, plan.id, year)) {
      if (r.annualTarget === null) continue;
      annual.push({
        indicatorId: r.indicatorId,
        code: r.code,
        name: r.name,
        departmentId: lead.get(r.indicatorId) ?? null,
        year,
        yearEnded: year < thisYear,
        verdict: r.verdict,
        completionRate: r.completionRate,
        halfYearShare: r.halfYear?.value === null ? null : (r.halfYear?.share ?? null),
      });
    }
  }

  // Values not reported: per indicator the oldest overdue period without any value, among the periods that
  // fell due once the plan was in lantu — a department was never asked for what was due before (an outline
  // loaded in its fourth year would otherwise raise a red warning for every indicator and every past year;
  // those gaps are shown as missing data, and the 待办 still lists them to fill).
  const since = await warningsRepository.collectingSince(db, plan.id);
  const unreported: WarningFacts['unreported'][number][] = [];
  const reporting = await reportingRepository.indicators(db, [plan.id], null);
  const have = new Set(
    (
      await reportingRepository.latestValues(
        db,
        reporting.map((i) => i.id),
      )
    ).map((v) => `${v.indicatorId}|${v.period}`),
  );
  for (const ind of reporting) {
    const missing = periodsToReport(
      {
        frequency: ind.frequency,
        dueDays: ind.dueDays,
        planStart: plan.periodStart,
        planEnd: plan.periodEnd,
      },
      now,
      0,
    ).filter(
      (p) =>
        p.overdue && !have.has(`${ind.id}|${p.period}`) && (!since || p.due.getTime() >= since.getTime()),
    );
    const first = missing[0];
    if (!first) continue;
    unreported.push({
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      departmentId: lead.get(ind.id) ?? null,
      period: missing.length > 1 ? `${first.period}…${missing.at(-1)!.period}` : first.period,
      due: isoDay(first.due),
    });
  }

  const replies: WarningFacts['replies'][number][] = [];
  for (const c of await warningsRepository.unansweredReplies(db, plan.id)) {
    if (isoDay(new Date(c.replyDueAt)) >= today) continue;
    replies.push({
      id: c.id,
      title: (await commentDeskRepository.targetTitle(db, c.id)) ?? c.targetId,
      departmentId: c.departmentId,
      due: isoDay(new Date(c.replyDueAt)),
    });
  }

  const elapsedShare = yearElapsed(now);
  const projects = (await warningsRepository.projectInvestments(db, plan.id, thisYear)).map((p) => ({
    ...p,
    year: thisYear,
    elapsedShare,
  }));

  const milestones = await warningsRepository.overdueMilestones(db, plan.id, today);

  const supervisions = (await supervisionRepository.overdue(db, today, plan.id)).map((o) => ({
    id: o.id,
    title: `${o.title}（${o.subjectTitle}）`,
    departmentId: o.departmentId,
    step: o.status === 'closed' ? { zh: '', en: '' } : WAITING_FOR[o.status],
    due: o.stepDue!,
  }));

  return { today, indicators, annual, unreported, replies, projects, milestones, supervisions };
}
