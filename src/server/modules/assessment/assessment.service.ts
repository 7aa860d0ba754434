import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { assessmentRepository } from '../../../db/repositories/assessment.repository.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import {
  reportingItem,
  submissionItem,
  deadlineItem,
  verdictItem,
} from '../../../domain/assessment-items.ts';
import {
  checkAdjustment,
  checkAssessmentConfig,
  DEFAULT_ASSESSMENT_CONFIG,
  scoreDepartments,
  type AssessedItem,
  type AssessmentConfig,
  type AssessmentFacts,
  type DepartmentScore,
} from '../../../domain/assessment.ts';
import { LantuError } from '../../../domain/errors.ts';
import { dueDate, isoDay, parseDay, periodsOfYear } from '../../../domain/reporting-calendar.ts';
import { localDay } from '../../../domain/time.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { authorize, departmentScope } from '../../policies/policy.ts';
import { timeZone } from '../../time-zone.ts';
import { evaluatePlanLive } from '../live-evaluation/live-evaluation.service.ts';
import { iso } from '../../timestamps.ts';

type Plan = { id: string; periodStart: number; periodEnd: number };

async function planOf(db: Queryable, planId: string): Promise<Plan> {
  const plan = await plansRepository.findById(db, planId);
  if (!plan) throw notFound('Plan', planId);
  return plan;
}

function checkYear(plan: Plan, year: number): void {
  if (year < plan.periodStart || year > plan.periodEnd)
    throw new LantuError('validation_failed', {
      zh: '年份不在规划期内',
      en: `${year} is outside the plan's years ${plan.periodStart}–${plan.periodEnd}`,
    });
}

export async function getAssessmentConfig(db: Queryable, planId: string): Promise<AssessmentConfig> {
  await planOf(db, planId);
  return (await assessmentRepository.config(db, planId)) ?? DEFAULT_ASSESSMENT_CONFIG;
}

/** The planning office sets a plan's criteria weights; audited. */
export async function saveAssessmentConfig(
  db: Db,
  user: SessionUser,
  planId: string,
  config: AssessmentConfig,
): Promise<AssessmentConfig> {
  authorize(user, 'manageAssessment', 'office');
  await planOf(db, planId);
  const checked = checkAssessmentConfig(config);
  await db.transaction(async (tx) => {
    const before = await assessmentRepository.config(tx, planId);
    await assessmentRepository.saveConfig(tx, planId, checked, user.id);
    await recordAudit(tx, user, 'update', 'assessment_settings', planId, {
      before: before ?? DEFAULT_ASSESSMENT_CONFIG,
      after: checked,
    });
  });
  return checked;
}

const day = (d: Date, zone: string) => localDay(new Date(d), zone);

/** Everything a year's assessment judges, read from the plan's values, tasks, comments and 督办. */
export async function gatherAssessmentFacts(
  db: Queryable,
  plan: Plan,
  year: number,
  asOf: string,
): Promise<AssessmentFacts> {
  const zone = timeZone();
  // One after another: `db` may be a transaction's single connection, which runs one statement at a time.
  const departments = await assessmentRepository.departments(db, plan.id);
  const led = await assessmentRepository.ledIndicators(db, plan.id);
  const reported = await assessmentRepository.firstReported(db, plan.id, year);
  const submitted = await assessmentRepository.submissions(db, plan.id, year);
  const milestones = await assessmentRepository.milestones(db, plan.id, year);
  const replies = await assessmentRepository.replies(db, plan.id);
  const orders = await assessmentRepository.supervisionOrders(db, plan.id, year);
  const adjustments = await assessmentRepository.adjustments(db, plan.id, year);
  const items: AssessedItem[] = [];
  const push = (i: AssessedItem | null) => {
    if (i) items.push(i);
  };
  const ledById = new Map(led.map((i) => [i.id, i]));
  const firstAt = new Map(reported.map((r) => [`${r.indicatorId}|${r.period}`, r]));

  for (const ind of led)
    for (const period of periodsOfYear(ind.frequency, year)) {
      const due = dueDate(period, ind.dueDays);
      if (!due) continue;
      const first = firstAt.get(`${ind.id}|${period}`);
      push(
        reportingItem(
          {
            departmentId: ind.departmentId,
            indicatorId: ind.id,
            code: ind.code,
            name: ind.name,
            period,
            due: isoDay(due),
            reportedOn: first?.at ? day(first.at, zone) : null,
            loaded: first?.loaded ?? false,
          },
          asOf,
        ),
      );
    }

  for (const s of submitted) {
    const ind = ledById.get(s.indicatorId);
    if (ind) push(submissionItem({ ...s, departmentId: ind.departmentId, code: ind.code, name: ind.name }));
  }

  const evaluation = await evaluatePlanLive(db, plan.id, { year, method: 'time', scope: 'all' });
  const byCode = new Map(led.map((i) => [i.code, i]));
  for (const r of evaluation.indicators) {
    const ind = byCode.get(r.code);
    if (ind)
      push(
        verdictItem(
          {
            departmentId: ind.departmentId,
            indicatorId: ind.id,
            code: ind.code,
            name: ind.name,
            binding: ind.binding,
            verdict: r.verdict,
          },
          year === plan.periodEnd,
        ),
      );
  }

  for (const m of milestones)
    if (m.departmentId)
      push(
        deadlineItem(
          'milestones_on_time',
          {
            departmentId: m.departmentId,
            title: `${m.nodeTitle}：${m.title}`,
            link: `/plan/${m.nodeId}`,
            due: m.due,
            doneOn: m.completedOn,
          },
          asOf,
          { done: { zh: '完成', en: 'Completed' } },
        ),
      );

  for (const c of replies) {
    const due = day(c.dueAt, zone);
    if (!due.startsWith(`${year}-`)) continue;
    push(
      deadlineItem(
        'replies_on_time',
        {
          departmentId: c.departmentId,
          title: c.title ?? c.id,
          link: `/comments?id=${c.id}`,
          due,
          doneOn: c.repliedAt ? day(c.repliedAt, zone) : null,
        },
        asOf,
        { done: { zh: '答复', en: 'Replied' } },
      ),
    );
  }

  for (const o of orders)
    push(
      deadlineItem(
        'supervision_on_time',
        {
          departmentId: o.departmentId,
          title: o.title,
          link: `/supervision?id=${o.id}`,
          due: o.deadline,
          doneOn: o.closedAt ? day(o.closedAt, zone) : null,
        },
        asOf,
        { done: { zh: '销号', en: 'Closed' } },
      ),
    );

  return {
    year,
    departments,
    items,
    adjustments: adjustments.map((a) => ({
      departmentId: a.departmentId,
      points: Number(a.points),
      reason: a.reason,
      by: a.actor,
      at: iso(a.createdAt),
    })),
  };
}

export interface Assessment {
  planId: string;
  year: number;
  asOf: string;
  config: AssessmentConfig;
  departments: DepartmentScore[];
}

/**
 * The year's scores of the plan's departments, best first, as of a day (default today): the planning office
 * and assessors see every department, a department user its own.
 */
export async function assessDepartments(
  db: Queryable,
  user: SessionUser,
  planId: string,
  q: { year: number; asOf?: string | undefined },
  now = new Date(),
): Promise<Assessment> {
  const plan = await planOf(db, planId);
  checkYear(plan, q.year);
  if (q.asOf !== undefined && !parseDay(q.asOf))
    throw new LantuError('validation_failed', {
      zh: '日期无效',
      en: `asOf ${q.asOf} is not a day (YYYY-MM-DD)`,
    });
  const asOf = q.asOf ?? localDay(now, timeZone());
  const config = (await assessmentRepository.config(db, planId)) ?? DEFAULT_ASSESSMENT_CONFIG;
  const scores = scoreDepartments(await gatherAssessmentFacts(db, plan, q.year, asOf), config);
  const scope = departmentScope(user);
  return {
    planId,
    year: q.year,
    asOf,
    config,
    departments: scope.all ? scores : scores.filter((s) => scope.departmentIds.includes(s.department.id)),
  };
}

/** The joint assessment team adjusts a department's score for the year with a recorded reason; audited. */
export async function adjustAssessment(
  db: Db,
  user: SessionUser,
  planId: string,
  year: number,
  input: { department: string; points: number; reason: string },
): Promise<DepartmentScore> {
  authorize(user, 'adjustAssessment', 'office');
  const plan = await planOf(db, planId);
  checkYear(plan, year);
  const a = checkAdjustment(input);
  const dept = await departmentsRepository.findByCode(db, input.department);
  if (!dept) throw notFound('Department', input.department);
  if (!(await assessmentRepository.departments(db, planId)).some((d) => d.id === dept.id))
    throw new LantuError('validation_failed', {
      zh: '该部门在本规划中无考核事项',
      en: `Department ${dept.code} has no work in this plan`,
    });
  await db.transaction(async (tx) => {
    const id = await assessmentRepository.addAdjustment(tx, {
      planId,
      year,
      departmentId: dept.id,
      points: a.points,
      reason: a.reason,
      userId: user.id,
      actor: user.email,
    });
    await recordAudit(tx, user, 'create', 'assessment_adjustment', id, {
      before: null,
      after: { planId, year, department: dept.code, points: a.points, reason: a.reason },
    });
  });
  const all = await assessDepartments(db, user, planId, { year });
  return all.departments.find((d) => d.department.id === dept.id)!;
}
