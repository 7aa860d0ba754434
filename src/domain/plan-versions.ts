import type { NodeKind } from './plan.ts';

/**
 * Which items of one version of a plan are the same items in the next version (issue 15 §5), and which
 * indicators of a plan continue an indicator of its predecessor (§6). Pure: ids in, pairs out.
 *
 * Indicator codes such as T2-05 are row positions in the outline's table, so a code alone is weak evidence:
 * within versions of one plan an indicator matches on code and name, then on name alone, then on code alone
 * (renamed in place). Across plans codes mean nothing, so only the name counts.
 */

export interface MatchIndicator {
  id: string;
  code: string;
  name: string;
}

export interface MatchNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  number: string | null;
  title: string;
}

export type MatchedBy = 'code' | 'name' | 'heading';

export interface Matching {
  /** old id → new id */
  pairs: Map<string, string>;
  /** new id → how it was matched */
  how: Map<string, MatchedBy>;
  /** new ids with no old counterpart */
  added: string[];
  /** old ids with no new counterpart */
  removed: string[];
}

/** Names compared without spacing, full-width forms, a trailing unit in brackets or a common synonym. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（][^()（）]*[)）]$/u, '')
    .replace(/增长速度/g, '增速')
    .replace(/[“”"'‘’]/g, '');
}

function finish(before: readonly { id: string }[], after: readonly { id: string }[], m: Matching): Matching {
  const matchedNew = new Set(m.pairs.values());
  m.added = after.filter((a) => !matchedNew.has(a.id)).map((a) => a.id);
  m.removed = before.filter((b) => !m.pairs.has(b.id)).map((b) => b.id);
  return m;
}

/** Pairs items whose key is equal and unique on both sides among those not matched yet. */
function pass<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  m: Matching,
  key: (item: T) => string | null,
  how: MatchedBy,
): void {
  const matchedNew = new Set(m.pairs.values());
  const group = (items: readonly T[], skip: (t: T) => boolean) => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      if (skip(item)) continue;
      const k = key(item);
      if (k === null) continue;
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
  const olds = group(before, (b) => m.pairs.has(b.id));
  const news = group(after, (a) => matchedNew.has(a.id));
  for (const [k, list] of news) {
    const prev = olds.get(k);
    if (list.length === 1 && prev?.length === 1 && list[0] && prev[0]) {
      m.pairs.set(prev[0].id, list[0].id);
      m.how.set(list[0].id, how);
    }
  }
}

export function matchIndicators(
  before: readonly MatchIndicator[],
  after: readonly MatchIndicator[],
): Matching {
  const m: Matching = { pairs: new Map(), how: new Map(), added: [], removed: [] };
  pass(before, after, m, (i) => `${i.code}\u0000${normaliseName(i.name)}`, 'code');
  pass(before, after, m, (i) => normaliseName(i.name), 'name');
  pass(before, after, m, (i) => i.code, 'code');
  return finish(before, after, m);
}

/** Indicators of a plan that continue one of its predecessor's: the same name (codes are positions). */
export function linkAcrossPlans(
  predecessor: readonly MatchIndicator[],
  successor: readonly MatchIndicator[],
): Matching {
  const m: Matching = { pairs: new Map(), how: new Map(), added: [], removed: [] };
  pass(predecessor, successor, m, (i) => normaliseName(i.name), 'name');
  return finish(predecessor, successor, m);
}

/**
 * Headings and tasks: first the same place and wording (the chain of numbers, or titles where there is no
 * number, down to the item), then the same wording anywhere (moved), then the same numbered place (retitled).
 */
export function matchNodes(before: readonly MatchNode[], after: readonly MatchNode[]): Matching {
  const m: Matching = { pairs: new Map(), how: new Map(), added: [], removed: [] };
  const chains = (nodes: readonly MatchNode[]) => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const memo = new Map<string, { place: string; numbered: string | null }>();
    const of = (n: MatchNode): { place: string; numbered: string | null } => {
      const hit = memo.get(n.id);
      if (hit) return hit;
      const parent = n.parentId === null ? undefined : byId.get(n.parentId);
      const up = parent ? of(parent) : { place: '', numbered: '' };
      const step = n.number ?? normaliseName(n.title);
      const out = {
        place: `${up.place}/${step}`,
        numbered: n.number !== null && up.numbered !== null ? `${up.numbered}/${n.number}` : null,
      };
      memo.set(n.id, out);
      return out;
    };
    return of;
  };
  const oldChain = chains(before);
  const newChain = chains(after);
  const olds = new Set(before);
  const chainOf = (n: MatchNode) => (olds.has(n) ? oldChain(n) : newChain(n));
  pass(before, after, m, (n) => `${n.kind}|${chainOf(n).place}|${normaliseName(n.title)}`, 'heading');
  pass(before, after, m, (n) => `${n.kind}|${normaliseName(n.title)}`, 'heading');
  pass(
    before,
    after,
    m,
    (n) => {
      const numbered = chainOf(n).numbered;
      return numbered === null ? null : `${n.kind}|${numbered}`;
    },
    'heading',
  );
  return finish(before, after, m);
}
