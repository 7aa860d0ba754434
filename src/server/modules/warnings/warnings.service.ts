import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import { warningsRepository, type WarningRow } from '../../../db/repositories/warnings.repository.ts';
import { planCollects } from '../../../domain/reporting-calendar.ts';
import type { SessionUser } from '../../../domain/user.ts';
import {
  checkRule,
  computeWarnings,
  effectiveRules,
  reconcileWarnings,
  RULE_MEASURES,
  subjectLink,
  type Finding,
  type WarningRule,
  type WarningSubject,
} from '../../../domain/warnings.ts';
import { notFound } from '../../errors.ts';
import { authorize, departmentScope } from '../../policies/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { gatherFacts, type SweptPlan } from './warnings.facts.ts';
import { iso } from '../../timestamps.ts';

async function planOf(db: Queryable, planId: string) {
  const plan = await plansRepository.findById(db, planId);
  if (!plan) throw notFound('Plan', planId);
  return plan;
}

export async function getWarningRules(db: Queryable, planId: string) {
  await planOf(db, planId);
  return effectiveRules(await warningsRepository.rules(db, planId)).map((r) => ({
    ...r,
    ...RULE_MEASURES[r.kind],
  }));
}

/** The planning office sets a plan's rules (those not given keep theirs); audited. */
export async function saveWarningRules(
  db: Db,
  user: SessionUser,
  planId: string,
  rules: readonly WarningRule[],
) {
  authorize(user, 'manageWarnings', 'office');
  await planOf(db, planId);
  const checked = rules.map(checkRule);
  await db.transaction(async (tx) => {
    const before = effectiveRules(await warningsRepository.rules(tx, planId));
    for (const r of checked) await warningsRepository.saveRule(tx, planId, r, user.id);
    await recordAudit(tx, user, 'update', 'warning_rules', planId, {
      before: before.filter((b) => checked.some((c) => c.kind === b.kind)),
      after: checked,
    });
  });
  return getWarningRules(db, planId);
}

export interface SweepOutcome {
  raised: number;
  changed: number;
  cleared: number;
  active: number;
}

async function tell(tx: Queryable, planId: string, id: string, f: Finding): Promise<void> {
  await notify(tx, {
    event: 'warning_raised',
    params: { item: f.title, level: f.level, reason: f.reason.zh, reasonEn: f.reason.en },
    link: subjectLink(f.subjectType, f.subjectId),
    to: { departmentIds: [f.departmentId], office: true },
    dedupeKey: `warning:${id}:${f.level}`,
  });
}

/**
 * Judges one plan now and brings its stored warnings in line: new ones raised and notified (lead department
 * and planning office), a warning turning red notified again, those whose condition has gone cleared (kept).
 * One node at a time per plan; another node finding the plan busy skips it (returns null).
 */
export async function sweepPlanWarnings(db: Db, plan: SweptPlan, now: Date): Promise<SweepOutcome | null> {
  const facts = await gatherFacts(db, plan, now);
  return db.transaction(async (tx) => {
    if (!(await warningsRepository.tryLockPlan(tx, plan.id))) return null;
    const found = computeWarnings(facts, await warningsRepository.rules(tx, plan.id));
    const active = await warningsRepository.active(tx, plan.id);
    const r = reconcileWarnings(active, found);
    let raised = 0;
    for (const f of r.raise) {
      const id = await warningsRepository.insert(tx, plan.id, f, now);
      if (!id) continue;
      raised++;
      await tell(tx, plan.id, id, f);
    }
    for (const c of r.change) {
      await warningsRepository.refresh(tx, c.id, c.finding, now);
      if (c.escalated) await tell(tx, plan.id, c.id, c.finding);
    }
    for (const k of r.keep) await warningsRepository.refresh(tx, k.id, k.finding, now);
    await warningsRepository.clear(tx, r.clear, now);
    return {
      raised,
      changed: r.change.length,
      cleared: r.clear.length,
      active: active.length + raised - r.clear.length,
    };
  });
}

/**
 * How often the sweep judges the plans (LANTU_WARNING_SWEEP_MS, default 15 minutes; 0 = at every sweep tick,
 * LANTU_SWEEP_MS). Unset, empty or not a non-negative number: the default.
 */
export function warningInterval(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LANTU_WARNING_SWEEP_MS?.trim();
  const n = raw ? Number(raw) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 15 * 60_000;
}

/** The first tick after start judges the plans (a node restarted more often than the interval still does). */
let lastSweep = Number.NEGATIVE_INFINITY;

/** The background sweep: every current plan still collecting data, at most once per interval per node. */
export async function warningsSweep(db: Db, now: Date): Promise<number> {
  if (now.getTime() - lastSweep < warningInterval()) return 0;
  lastSweep = now.getTime();
  let raised = 0;
  for (const p of await reportingRepository.currentPlans(db)) {
    if (!planCollects(p.periodEnd, now)) continue;
    raised += (await sweepPlanWarnings(db, p, now))?.raised ?? 0;
  }
  return raised;
}

/** The planning office recomputes a plan's warnings now (after changing its rules). */
export async function refreshWarnings(db: Db, user: SessionUser, planId: string, now = new Date()) {
  authorize(user, 'manageWarnings', 'office');
  const plan = await planOf(db, planId);
  return (await sweepPlanWarnings(db, plan, now)) ?? { raised: 0, changed: 0, cleared: 0, active: 0 };
}

export function presentWarning(w: WarningRow) {
  return {
    id: w.id,
    planId: w.planId,
    kind: w.kind,
    kindTitle: RULE_MEASURES[w.kind].title,
    subjectType: w.subjectType,
    subjectId: w.subjectId,
    key: w.key,
    title: w.title,
    link: subjectLink(w.subjectType, w.subjectId),
    department: w.departmentCode
      ? { code: w.departmentCode, name: w.departmentName ?? w.departmentCode }
      : null,
    level: w.level,
    measure: w.measure,
    reason: w.reason,
    raisedAt: iso(w.raisedAt),
    levelAt: iso(w.levelAt),
    checkedAt: iso(w.checkedAt),
    clearedAt: iso(w.clearedAt),
    active: w.clearedAt === null,
  };
}
export type PresentedWarning = ReturnType<typeof presentWarning>;

/**
 * A plan's warnings, standing ones first (red first), then the cleared history: a department sees those of
 * its own departments, the planning office and assessors all.
 */
export async function listWarnings(
  db: Queryable,
  user: SessionUser,
  planId: string,
  q: {
    state: 'active' | 'cleared' | 'all';
    subjectType?: WarningSubject | undefined;
    subjectId?: string | undefined;
    limit: number;
  },
) {
  await planOf(db, planId);
  const scope = departmentScope(user);
  const rows = await warningsRepository.list(db, {
    planId,
    ...q,
    departmentIds: scope.all ? null : scope.departmentIds,
  });
  const items = rows.map(presentWarning);
  return {
    counts: {
      red: items.filter((w) => w.active && w.level === 'red').length,
      yellow: items.filter((w) => w.active && w.level === 'yellow').length,
    },
    items,
  };
}
