import type { TreeNode, Verdict } from '../../lib/types.ts';
import { SEVERITY } from '../../lib/rules.ts';

export interface Indexed {
  byId: Map<string, TreeNode>;
  parent: Map<string, string | null>;
  /** node id → ids of the node and everything below it */
  subtree: Map<string, Set<string>>;
}

export function indexTree(nodes: TreeNode[]): Indexed {
  const byId = new Map<string, TreeNode>();
  const parent = new Map<string, string | null>();
  const subtree = new Map<string, Set<string>>();
  const walk = (n: TreeNode, p: string | null): Set<string> => {
    byId.set(n.id, n);
    parent.set(n.id, p);
    const ids = new Set<string>([n.id]);
    for (const c of n.children) for (const id of walk(c, n.id)) ids.add(id);
    subtree.set(n.id, ids);
    return ids;
  };
  for (const n of nodes) walk(n, null);
  return { byId, parent, subtree };
}

export function pathTo(idx: Indexed, id: string): TreeNode[] {
  const out: TreeNode[] = [];
  let cur: string | null | undefined = id;
  while (cur) {
    const n = idx.byId.get(cur);
    if (!n) break;
    out.unshift(n);
    cur = idx.parent.get(cur);
  }
  return out;
}

/** The worst assessed verdict among the given ones (no data only when nothing was assessed). */
export function worstVerdict(verdicts: Verdict[]): Verdict | null {
  if (verdicts.length === 0) return null;
  return verdicts.reduce((w, v) => (SEVERITY[v] < SEVERITY[w] ? v : w));
}
