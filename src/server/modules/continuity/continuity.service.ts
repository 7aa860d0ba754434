import type { Queryable } from '../../../db/db.types.ts';
import { indicatorsRepository, type IndicatorRow } from '../../../db/repositories/indicators.repository.ts';
import {
  listApprovedValues,
  type ApprovedValueRow,
} from '../../../db/repositories/approved-values.repository.ts';
import { plansRepository, type PlanRow } from '../../../db/repositories/plans.repository.ts';
import { linkAcrossPlans } from '../../../domain/plan-versions.ts';
import type { Provenance } from '../../../domain/provenance.ts';
import { notFound } from '../../errors.ts';
import { writtenGoals } from '../../indicator-goals.ts';

/**
 * Plans that follow one another (13th → 14th → 15th, issue 15 §6): a plan names its predecessor; indicators
 * that continue are linked by name (codes are table positions, they mean nothing across plans). A plan's
 * predecessor is read through its key, so a republished version of the 14th is still the 15th's predecessor.
 */

/** The published (else latest) version of the plan a row stands for. */
async function inUse(db: Queryable, row: PlanRow): Promise<PlanRow> {
  return (await plansRepository.findPublishedByKey(db, row.key)) ?? row;
}

/** The chain of plans through `plan`, oldest first. */
export async function planChain(db: Queryable, plan: PlanRow): Promise<PlanRow[]> {
  const chain: PlanRow[] = [plan];
  const seen = new Set([plan.key]);
  for (let p = plan; p.predecessorId !== null;) {
    const prev = await plansRepository.findById(db, p.predecessorId);
    if (!prev) break;
    const cur = await inUse(db, prev);
    if (seen.has(cur.key)) break;
    seen.add(cur.key);
    chain.unshift(cur);
    p = cur;
  }
  // successors: published plans whose predecessor (any version of it) has the key of the last plan so far
  const successorOf = new Map<string, PlanRow>();
  for (const q of await plansRepository.list(db)) {
    if (q.status !== 'published' || q.predecessorId === null) continue;
    const prev = await plansRepository.findById(db, q.predecessorId);
    if (prev && !successorOf.has(prev.key)) successorOf.set(prev.key, q);
  }
  for (let next = successorOf.get(plan.key); next && !seen.has(next.key); next = successorOf.get(next.key)) {
    seen.add(next.key);
    chain.push(next);
  }
  return chain;
}

/** predecessor indicator id → successor indicator id: table rows with table rows first, then the rest. */
export function linkIndicators(
  prev: readonly IndicatorRow[],
  next: readonly IndicatorRow[],
): Map<string, string> {
  const table = (l: readonly IndicatorRow[]) => l.filter((i) => i.origin === 'table');
  const first = linkAcrossPlans(table(prev), table(next));
  const linked = new Set(first.pairs.values());
  const rest = linkAcrossPlans(
    prev.filter((i) => !first.pairs.has(i.id)),
    next.filter((i) => !linked.has(i.id)),
  );
  return new Map([...first.pairs, ...rest.pairs]);
}

export interface SeriesPoint {
  year: number;
  value: number | null;
  text: string | null;
  /** actual: an approved value of that year; baseline: the plan's stated base-year value */
  kind: 'actual' | 'baseline';
  planKey: string;
  code: string;
  provenance: Provenance | null;
}

export interface LineageSeries {
  indicatorId: string;
  name: string;
  unit: string | null;
  from: number;
  to: number;
  plans: {
    planId: string;
    key: string;
    title: string;
    periodStart: number;
    periodEnd: number;
    indicatorId: string;
    code: string;
    name: string;
    baselineYear: number | null;
    baseline: string | null;
    targetYear: number | null;
    target: string | null;
  }[];
  /** one point a year where any plan has one: an approved value first, else a plan's stated baseline */
  points: SeriesPoint[];
}

/** One indicator followed across the plans it continues through, as one series. */
export async function indicatorLineage(db: Queryable, indicatorId: string): Promise<LineageSeries> {
  const planId = await indicatorsRepository.planIdOf(db, indicatorId);
  const plan = planId ? await plansRepository.findById(db, planId) : null;
  if (!plan) throw notFound('Indicator', indicatorId);
  const chain = await planChain(db, plan);
  const lists = await Promise.all(chain.map((p) => indicatorsRepository.listByPlan(db, p.id)));
  const at = chain.findIndex((p) => p.id === plan.id);
  const picked: (IndicatorRow | undefined)[] = chain.map(() => undefined);
  picked[at] = lists[at]?.find((i) => i.id === indicatorId);
  for (let k = at; k > 0; k--) {
    const cur = picked[k];
    if (!cur) break;
    const back = linkIndicators(lists[k - 1] ?? [], lists[k] ?? []);
    const prevId = [...back].find(([, n]) => n === cur.id)?.[0];
    picked[k - 1] = lists[k - 1]?.find((i) => i.id === prevId);
  }
  for (let k = at; k < chain.length - 1; k++) {
    const cur = picked[k];
    if (!cur) break;
    const nextId = linkIndicators(lists[k] ?? [], lists[k + 1] ?? []).get(cur.id);
    picked[k + 1] = lists[k + 1]?.find((i) => i.id === nextId);
  }
  const self = picked[at]!;
  const plans: LineageSeries['plans'] = [];
  const actual = new Map<number, SeriesPoint>();
  const baseline = new Map<number, SeriesPoint>();
  for (const [k, p] of chain.entries()) {
    const ind = picked[k];
    if (!ind) continue;
    plans.push({
      planId: p.id,
      key: p.key,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      ...writtenGoals(ind),
    });
    const values: ApprovedValueRow[] = (await listApprovedValues(db, p.id)).filter(
      (v) => v.code === ind.code && v.kind === 'actual' && /^\d{4}$/.test(v.period),
    );
    for (const v of values) {
      // the plan whose period holds the year speaks for it; a later plan's restatement only fills a gap
      const own = v.year >= p.periodStart - 1 && v.year <= p.periodEnd;
      if (!actual.has(v.year) || own)
        actual.set(v.year, {
          year: v.year,
          value: v.value,
          text: v.text,
          kind: 'actual',
          planKey: p.key,
          code: ind.code,
          provenance: v.provenance,
        });
    }
    if (ind.baselineYear !== null && ind.baseline && !baseline.has(ind.baselineYear)) {
      baseline.set(ind.baselineYear, {
        year: ind.baselineYear,
        value: ind.baseline.value,
        text: ind.baseline.value === null ? ind.baseline.raw : null,
        kind: 'baseline',
        planKey: p.key,
        code: ind.code,
        provenance: null,
      });
    }
  }
  const from = Math.min(...chain.filter((_, k) => picked[k]).map((p) => p.periodStart));
  const to = Math.max(...chain.filter((_, k) => picked[k]).map((p) => p.periodEnd));
  const points: SeriesPoint[] = [];
  for (let y = from - 1; y <= to; y++) {
    const pt = actual.get(y) ?? baseline.get(y);
    if (pt) points.push(pt);
  }
  return { indicatorId, name: self.name, unit: self.unit, from, to, plans, points };
}

export interface ContinuityLink {
  code: string;
  name: string;
  predecessorCode: string;
  predecessorName: string;
  baselineYear: number | null;
  baseline: string | null;
  /** the predecessor's approved value for the successor's base year */
  predecessorActual: {
    year: number;
    value: number | null;
    text: string | null;
    provenance: Provenance;
  } | null;
  /** baseline − predecessor's actual, where both are numbers */
  difference: number | null;
  status: 'agrees' | 'differs' | 'no_actual' | 'not_comparable';
}

export interface Continuity {
  planId: string;
  predecessor: { planId: string; key: string; title: string; periodEnd: number } | null;
  linked: ContinuityLink[];
  /** indicators of this plan that continue none of the predecessor's */
  added: { code: string; name: string }[];
  /** the predecessor's main indicators this plan does not continue */
  discontinued: { code: string; name: string }[];
  /** one line per baseline that differs from the predecessor's actual (口径 changes are common) */
  differences: string[];
}

/** The plan's continuing indicators and its base-year values checked against its predecessor's results. */
export async function planContinuity(db: Queryable, planId: string): Promise<Continuity> {
  const plan = await plansRepository.findById(db, planId);
  if (!plan) throw notFound('Plan', planId);
  const prevRow = plan.predecessorId === null ? null : await plansRepository.findById(db, plan.predecessorId);
  const prev = prevRow ? await inUse(db, prevRow) : null;
  const mine = await indicatorsRepository.listByPlan(db, plan.id);
  if (!prev) {
    return {
      planId,
      predecessor: null,
      linked: [],
      added: mine.map((i) => ({ code: i.code, name: i.name })),
      discontinued: [],
      differences: [],
    };
  }
  const theirs = await indicatorsRepository.listByPlan(db, prev.id);
  const links = linkIndicators(theirs, mine);
  const values = await listApprovedValues(db, prev.id);
  const byId = new Map(theirs.map((i) => [i.id, i]));
  const linkedNew = new Map([...links].map(([o, n]) => [n, o]));
  const linked: ContinuityLink[] = [];
  const differences: string[] = [];
  for (const ind of mine) {
    const old = byId.get(linkedNew.get(ind.id) ?? '');
    if (!old) continue;
    const year = ind.baselineYear;
    const v =
      year === null
        ? undefined
        : values.find((x) => x.code === old.code && x.kind === 'actual' && x.period === String(year));
    const base = ind.baseline?.value ?? null;
    const actual = v?.value ?? null;
    const status: ContinuityLink['status'] = !v
      ? 'no_actual'
      : base === null || actual === null
        ? 'not_comparable'
        : Math.abs(base - actual) < 1e-9
          ? 'agrees'
          : 'differs';
    const difference =
      status === 'agrees' || status === 'differs' ? Number((base! - actual!).toFixed(6)) : null;
    if (status === 'differs') {
      differences.push(
        `${ind.code} ${ind.name}: ${year} baseline ${ind.baseline?.raw ?? '—'} vs ${prev.key} ${old.code} actual ${actual} (${difference! > 0 ? '+' : ''}${difference})`,
      );
    }
    linked.push({
      code: ind.code,
      name: ind.name,
      predecessorCode: old.code,
      predecessorName: old.name,
      baselineYear: year,
      baseline: ind.baseline?.raw ?? null,
      predecessorActual: v ? { year: v.year, value: v.value, text: v.text, provenance: v.provenance } : null,
      difference,
      status,
    });
  }
  return {
    planId,
    predecessor: { planId: prev.id, key: prev.key, title: prev.title, periodEnd: prev.periodEnd },
    linked,
    added: mine.filter((i) => !linkedNew.has(i.id)).map((i) => ({ code: i.code, name: i.name })),
    discontinued: theirs
      .filter((i) => i.origin === 'table' && !links.has(i.id))
      .map((i) => ({ code: i.code, name: i.name })),
    differences,
  };
}
