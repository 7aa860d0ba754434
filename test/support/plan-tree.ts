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

/** Every task in reading order (depth first, a node before its children). */
export function tasksInOrder(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [...(n.kind === 'task' ? [n] : []), ...tasksInOrder(n.children)]);
}

/** The first task in reading order that has a parent node, with that parent (a chapter or section). */
export function firstTaskWithParent<T extends TreeNode>(
  nodes: T[],
  parent: T | null = null,
): { task: T; parent: T } | undefined {
  for (const n of nodes) {
    if (n.kind === 'task' && parent) return { task: n, parent };
    const inner = firstTaskWithParent(n.children as T[], n);
    if (inner) return inner;
  }
  return undefined;
}

/** A plan tree node with what a page shows of it: its number (null for none) and its title. */
export interface TitledNode {
  number: string | null;
  title: string;
  children: TitledNode[];
}

/** Every node of a tree in reading order (depth first), each as the caller typed it. */
export function everyNode<N extends { children: N[] }>(nodes: N[]): N[] {
  return nodes.flatMap((n) => [n, ...everyNode(n.children)]);
}
