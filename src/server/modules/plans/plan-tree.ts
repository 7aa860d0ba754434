import { randomUUID } from 'node:crypto';
import type { PlanNodeSpec } from '../../../domain/plan.ts';
import type { NodeRow } from '../../../db/repositories/plans.repository.ts';

export interface FlattenedTree {
  rows: NodeRow[];
  /** "0/3/1" (index path) → node id, to link indicators and projects to nodes. */
  idByPath: Map<string, string>;
}

/** Pre-order flattening: a node's position is its pre-order index, so ORDER BY position rebuilds the tree. */
export function flattenTree(nodes: readonly PlanNodeSpec[], newId: () => string = randomUUID): FlattenedTree {
  const rows: NodeRow[] = [];
  const idByPath = new Map<string, string>();
  const visit = (list: readonly PlanNodeSpec[], parentId: string | null, path: number[]) => {
    list.forEach((node, index) => {
      const id = newId();
      const nodePath = [...path, index];
      idByPath.set(nodePath.join('/'), id);
      rows.push({
        id,
        parentId,
        position: rows.length,
        kind: node.kind,
        number: node.number,
        title: node.title,
        body: node.body,
        source: node.source,
      });
      visit(node.children, id, nodePath);
    });
  };
  visit(nodes, null, []);
  return { rows, idByPath };
}

export interface TreeNode extends Omit<NodeRow, 'parentId' | 'position'> {
  children: TreeNode[];
}

/** Rebuilds the tree from rows ordered by position (parents before children). */
export function buildTree(rows: readonly NodeRow[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  for (const row of rows) {
    const node: TreeNode = {
      id: row.id,
      kind: row.kind,
      number: row.number,
      title: row.title,
      body: row.body,
      source: row.source,
      children: [],
    };
    byId.set(row.id, node);
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
