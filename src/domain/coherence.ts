/**
 * Plan system coherence (规划体系衔接): a special or area plan (专项规划, 片区规划) must not set a binding
 * indicator of its master plan weaker, nor for another year. Pure.
 */
import type { Direction } from './indicator.ts';
import type { Quantity } from './quantity.ts';

export interface CoherenceIndicator {
  code: string;
  name: string;
  attribute: 'expected' | 'binding';
  direction: Direction;
  unit: string | null;
  targetYear: number | null;
  target: Quantity | null;
}

export const COHERENCE_ISSUES = ['weaker', 'other_year', 'missing'] as const;
export type CoherenceIssue = (typeof COHERENCE_ISSUES)[number];

export interface CoherenceFinding {
  issue: CoherenceIssue;
  code: string;
  name: string;
  childCode: string | null;
  masterTarget: string | null;
  childTarget: string | null;
  masterYear: number | null;
  childYear: number | null;
  message: { zh: string; en: string };
}

const normalise = (s: string) => s.replace(/[\s（）()]/g, '').toLowerCase();

/** Matches by code first, then by name (ignoring spaces and brackets). */
function counterpart(m: CoherenceIndicator, child: readonly CoherenceIndicator[]): CoherenceIndicator | null {
  return (
    child.find((c) => c.code === m.code) ?? child.find((c) => normalise(c.name) === normalise(m.name)) ?? null
  );
}

/** The bound a target commits to in the direction that matters: increase → the floor, decrease → the ceiling. */
function commitment(q: Quantity | null, direction: Direction): number | null {
  if (q === null) return null;
  if (direction === 'increase') return q.low ?? q.value;
  if (direction === 'decrease') return q.high ?? q.value;
  return q.value;
}

export function isWeaker(master: CoherenceIndicator, child: CoherenceIndicator): boolean {
  const m = commitment(master.target, master.direction);
  const c = commitment(child.target, master.direction);
  if (m === null || c === null) return false;
  switch (master.direction) {
    case 'increase':
      return c < m;
    case 'decrease':
      return c > m;
    case 'none':
      return c !== m;
  }
}

/** The binding indicators of `master` whose target in `child` is weaker, set for another year, or absent. */
export function checkCoherence(
  master: readonly CoherenceIndicator[],
  child: readonly CoherenceIndicator[],
  opts: { reportMissing?: boolean } = {},
): CoherenceFinding[] {
  const out: CoherenceFinding[] = [];
  for (const m of master) {
    if (m.attribute !== 'binding') continue;
    const c = counterpart(m, child);
    const base = {
      code: m.code,
      name: m.name,
      childCode: c?.code ?? null,
      masterTarget: m.target?.raw ?? null,
      childTarget: c?.target?.raw ?? null,
      masterYear: m.targetYear,
      childYear: c?.targetYear ?? null,
    };
    if (c === null) {
      if (opts.reportMissing)
        out.push({
          ...base,
          issue: 'missing',
          message: {
            zh: `子规划未设置约束性指标“${m.name}”`,
            en: `The child plan has no target for binding indicator ${m.code}`,
          },
        });
      continue;
    }
    if (isWeaker(m, c)) {
      out.push({
        ...base,
        issue: 'weaker',
        message: {
          zh: `“${m.name}”子规划目标${c.target?.raw ?? ''}弱于总体规划目标${m.target?.raw ?? ''}`,
          en: `${m.code}: the child target ${c.target?.raw ?? ''} is weaker than the master target ${m.target?.raw ?? ''}`,
        },
      });
    }
    if (m.targetYear !== null && c.targetYear !== null && m.targetYear !== c.targetYear) {
      out.push({
        ...base,
        issue: 'other_year',
        message: {
          zh: `“${m.name}”子规划目标年为${c.targetYear}年，总体规划为${m.targetYear}年`,
          en: `${m.code}: the child target is for ${c.targetYear}, the master target for ${m.targetYear}`,
        },
      });
    }
  }
  return out;
}
