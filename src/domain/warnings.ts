/**
 * Early warning (预警, issue 16 §3): configurable rules per plan, each measuring one kind of trouble and
 * raising a yellow or a red warning when its measure reaches the rule's threshold. Pure: the caller gathers
 * the facts, `computeWarnings` says which warnings stand today; a warning no longer found has cleared.
 */
import type { Bilingual, Verdict } from './evaluation/types.ts';
import { isBehind } from './evaluation/verdict.ts';
import type { AnnualVerdict } from './annual-plan.ts';
import { daysBetween } from './reporting-calendar.ts';
import {
  effectiveRules,
  levelOf,
  type WarningKind,
  type WarningLevel,
  type WarningRule,
  type WarningSubject,
} from './warning-rules.ts';

export * from './warning-rules.ts';

/** Days from `due` to `today` (both YYYY-MM-DD): positive when past due. */
export function daysPast(today: string, due: string): number {
  return daysBetween(due, today);
}

export interface IndicatorFacts {
  id: string;
  code: string;
  name: string;
  departmentId: string | null;
  /** The judged years, oldest first: verdict, progress share p and elapsed share f (time-progress method). */
  years: readonly { year: number; verdict: Verdict; progress: number | null; elapsed: number | null }[];
}

export interface AnnualFacts {
  indicatorId: string;
  code: string;
  name: string;
  departmentId: string | null;
  year: number;
  /** The year is over: judge the completion rate; else only the half-year share can say "at risk". */
  yearEnded: boolean;
  verdict: AnnualVerdict;
  completionRate: number | null;
  halfYearShare: number | null;
}

export interface WarningFacts {
  /** YYYY-MM-DD, the day judged. */
  today: string;
  indicators: readonly IndicatorFacts[];
  annual: readonly AnnualFacts[];
  unreported: readonly {
    indicatorId: string;
    code: string;
    name: string;
    departmentId: string | null;
    period: string;
    due: string;
  }[];
  replies: readonly { id: string; title: string; departmentId: string | null; due: string }[];
  /** Projects with investment planned for the year: the share of the year elapsed (0..1) is the 时序进度. */
  projects: readonly {
    id: string;
    code: string;
    name: string;
    departmentId: string | null;
    year: number;
    planned: number;
    completed: number;
    elapsedShare: number;
  }[];
  milestones: readonly {
    id: string;
    title: string;
    nodeId: string;
    nodeTitle: string;
    departmentId: string | null;
    due: string;
  }[];
  supervisions: readonly {
    id: string;
    title: string;
    departmentId: string | null;
    step: Bilingual;
    due: string;
  }[];
}

/** The identity of a warning across sweeps: the same trouble on the same subject. */
export interface WarningIdentity {
  kind: WarningKind;
  subjectType: WarningSubject;
  subjectId: string;
  /** Tells apart several warnings of one kind on one subject (a period, a year, a milestone). */
  key: string;
}

/** A warning's subject: what it is about, how it is titled and which department answers for it. */
export type FindingSubject = Omit<WarningIdentity, 'kind'> & { title: string; departmentId: string | null };

export interface Finding extends FindingSubject {
  kind: WarningKind;
  level: WarningLevel;
  measure: number;
  reason: Bilingual;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const WRONG_WAY: ReadonlySet<Verdict> = new Set(['deterioration']);

/** An indicator as a warning's subject, titled by its code and name. */
function indicatorSubject(
  i: { code: string; name: string; departmentId: string | null },
  id: string,
  key: string,
): FindingSubject {
  return {
    subjectType: 'indicator',
    subjectId: id,
    key,
    title: `${i.code} ${i.name}`,
    departmentId: i.departmentId,
  };
}

function indicatorLagging(rule: WarningRule, ind: IndicatorFacts): Finding | null {
  const last = ind.years.at(-1);
  if (!last) return null;
  let streak = 0;
  for (let i = ind.years.length - 1; i >= 0 && isBehind(ind.years[i]!.verdict); i--) streak++;
  const wrongWay = WRONG_WAY.has(last.verdict) || (last.progress !== null && last.progress < 0);
  if (streak === 0 && !wrongWay) return null;
  const level = rule.enabled && wrongWay ? 'red' : levelOf(rule, streak);
  if (!level) return null;
  return {
    kind: 'indicator_lagging',
    ...indicatorSubject(ind, ind.id, ''),
    level,
    measure: streak,
    reason: wrongWay
      ? { zh: `${last.year}年较基期逆向变化`, en: `${last.year}: moving away from the target` }
      : {
          zh: `连续${streak}年判定为滞后（截至${last.year}年）`,
          en: `judged behind for ${streak} year(s) in a row (to ${last.year})`,
        },
  };
}

function scheduleGap(rule: WarningRule, ind: IndicatorFacts): Finding | null {
  const last = ind.years.at(-1);
  if (!last || last.progress === null || last.elapsed === null) return null;
  const gap = round1((last.elapsed - last.progress) * 100);
  const level = levelOf(rule, gap);
  if (!level) return null;
  return {
    kind: 'schedule_gap',
    ...indicatorSubject(ind, ind.id, ''),
    level,
    measure: gap,
    reason: {
      zh: `${last.year}年进度${round1(last.progress * 100)}%，时间进度${round1(last.elapsed * 100)}%，落后${gap}个百分点`,
      en: `${last.year}: ${round1(last.progress * 100)}% of the way after ${round1(last.elapsed * 100)}% of the time, ${gap} points behind`,
    },
  };
}

function annualTarget(rule: WarningRule, a: AnnualFacts): Finding | null {
  let shortfall: number | null = null;
  let reason: Bilingual | null = null;
  if (a.yearEnded && a.completionRate !== null) {
    shortfall = round1((1 - a.completionRate) * 100);
    reason = {
      zh: `${a.year}年完成全年目标的${round1(a.completionRate * 100)}%`,
      en: `${a.year}: ${round1(a.completionRate * 100)}% of the annual target reached`,
    };
  } else if (!a.yearEnded && a.halfYearShare !== null) {
    shortfall = round1((1 - a.halfYearShare / 0.5) * 100);
    reason = {
      zh: `${a.year}年上半年完成全年目标的${round1(a.halfYearShare * 100)}%（时间过半、任务未过半）`,
      en: `${a.year}: ${round1(a.halfYearShare * 100)}% of the annual target by half-year`,
    };
  }
  if (shortfall === null || reason === null) return null;
  const level = levelOf(rule, shortfall);
  if (!level) return null;
  return {
    kind: 'annual_target',
    ...indicatorSubject(a, a.indicatorId, String(a.year)),
    level,
    measure: shortfall,
    reason,
  };
}

/** Every warning that stands on `facts.today` under the plan's rules (disabled rules raise nothing). */
export function computeWarnings(facts: WarningFacts, rules: readonly WarningRule[]): Finding[] {
  const rule = new Map(effectiveRules(rules).map((r) => [r.kind, r]));
  const r = (k: WarningKind) => rule.get(k)!;
  const out: (Finding | null)[] = [];
  const overdue = (kind: WarningKind, base: FindingSubject, due: string, what: Bilingual): Finding | null => {
    const days = daysPast(facts.today, due);
    const level = levelOf(r(kind), days);
    if (!level) return null;
    return {
      kind,
      ...base,
      level,
      measure: days,
      reason: {
        zh: `${what.zh}期限${due.slice(0, 10)}，已逾期${days}天`,
        en: `${what.en} was due ${due.slice(0, 10)}, ${days} day(s) overdue`,
      },
    };
  };
  for (const ind of facts.indicators) {
    if (r('indicator_lagging').enabled) out.push(indicatorLagging(r('indicator_lagging'), ind));
    out.push(scheduleGap(r('schedule_gap'), ind));
  }
  for (const a of facts.annual) out.push(annualTarget(r('annual_target'), a));
  for (const u of facts.unreported)
    out.push(
      overdue('value_unreported', indicatorSubject(u, u.indicatorId, u.period), u.due, {
        zh: `${u.period}数据报送`,
        en: `The ${u.period} value`,
      }),
    );
  for (const c of facts.replies)
    out.push(
      overdue(
        'reply_overdue',
        { subjectType: 'comment', subjectId: c.id, key: '', title: c.title, departmentId: c.departmentId },
        c.due,
        { zh: '意见答复', en: 'The reply' },
      ),
    );
  for (const p of facts.projects) {
    if (p.planned <= 0) continue;
    const gap = round1((p.elapsedShare - p.completed / p.planned) * 100);
    const level = levelOf(r('project_investment'), gap);
    if (level)
      out.push({
        kind: 'project_investment',
        subjectType: 'project',
        subjectId: p.id,
        key: String(p.year),
        title: `${p.code} ${p.name}`,
        departmentId: p.departmentId,
        level,
        measure: gap,
        reason: {
          zh: `${p.year}年投资完成${round1((p.completed / p.planned) * 100)}%，时序进度${round1(p.elapsedShare * 100)}%`,
          en: `${p.year}: ${round1((p.completed / p.planned) * 100)}% of the year’s investment done, ${round1(p.elapsedShare * 100)}% of the year gone`,
        },
      });
  }
  for (const m of facts.milestones)
    out.push(
      overdue(
        'milestone_overdue',
        {
          subjectType: 'task',
          subjectId: m.nodeId,
          key: m.id,
          title: `${m.nodeTitle}：${m.title}`,
          departmentId: m.departmentId,
        },
        m.due,
        { zh: `节点“${m.title}”`, en: `Milestone “${m.title}”` },
      ),
    );
  for (const s of facts.supervisions)
    out.push(
      overdue(
        'supervision_overdue',
        {
          subjectType: 'supervision',
          subjectId: s.id,
          key: '',
          title: s.title,
          departmentId: s.departmentId,
        },
        s.due,
        s.step,
      ),
    );
  return out.filter((f): f is Finding => f !== null);
}

/** A warning's identity as one string. */
export const findingKey = (f: WarningIdentity): string =>
  `${f.kind}|${f.subjectType}|${f.subjectId}|${f.key}`;

export interface ActiveWarning extends WarningIdentity {
  id: string;
  level: WarningLevel;
}

/**
 * What a sweep must do to the stored warnings: raise the new, change the level of those that moved, clear
 * those whose condition has gone. A warning going from yellow to red is an escalation (notified again).
 */
export function reconcileWarnings(
  active: readonly ActiveWarning[],
  found: readonly Finding[],
): {
  raise: Finding[];
  change: { id: string; finding: Finding; escalated: boolean }[];
  keep: { id: string; finding: Finding }[];
  clear: string[];
} {
  const byKey = new Map(active.map((a) => [findingKey(a), a]));
  const seen = new Set<string>();
  const raise: Finding[] = [];
  const change: { id: string; finding: Finding; escalated: boolean }[] = [];
  const keep: { id: string; finding: Finding }[] = [];
  for (const f of found) {
    const k = findingKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    const a = byKey.get(k);
    if (!a) raise.push(f);
    else if (a.level !== f.level) change.push({ id: a.id, finding: f, escalated: f.level === 'red' });
    else keep.push({ id: a.id, finding: f });
  }
  const clear = active.filter((a) => !seen.has(findingKey(a))).map((a) => a.id);
  return { raise, change, keep, clear };
}
