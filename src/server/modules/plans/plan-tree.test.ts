import { describe, expect, it } from 'vitest';
import type { PlanNodeSpec } from '../../../domain/plan.ts';
import { buildTree, flattenTree } from './plan-tree.ts';

const node = (kind: PlanNodeSpec['kind'], title: string, children: PlanNodeSpec[] = []): PlanNodeSpec => ({
  kind,
  number: null,
  title,
  body: null,
  source: null,
  children,
});

describe('flattenTree / buildTree', () => {
  const tree = [
    node('preamble', '序言'),
    node('part', 'A', [node('chapter', 'A1', [node('section', 'A1a')]), node('chapter', 'A2')]),
  ];

  it('numbers nodes in pre-order and indexes them by path', () => {
    let n = 0;
    const { rows, idByPath } = flattenTree(tree, () => `id${n++}`);
    expect(rows.map((r) => [r.title, r.position, r.parentId])).toEqual([
      ['序言', 0, null],
      ['A', 1, null],
      ['A1', 2, 'id1'],
      ['A1a', 3, 'id2'],
      ['A2', 4, 'id1'],
    ]);
    expect(idByPath.get('1/0/0')).toBe('id3');
    expect(idByPath.get('1/1')).toBe('id4');
  });

  it('rebuilds the same shape from the rows', () => {
    const { rows } = flattenTree(tree);
    const shape = (ns: { title: string; children: unknown[] }[]): unknown =>
      ns.map((x) => [x.title, shape(x.children as { title: string; children: unknown[] }[])]);
    expect(shape(buildTree(rows))).toEqual(shape(tree));
  });
});
