/** A plan tree as `GET /api/plans/{id}/tree` returns it, with only what the tests walk. */
export interface TreeNode {
  id: string;
  kind: string;
  children: TreeNode[];
}

/** The first task in reading order (depth first), if the plan has one. */
export function firstTask(nodes: TreeNode[]): TreeNode | undefined {
  for (const n of nodes) {
    if (n.kind === 'task') return n;
    const t = firstTask(n.children);
    if (t) return t;
  }
  return undefined;
}
