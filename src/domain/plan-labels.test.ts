import { describe, expect, it } from 'vitest';
import { nodeCodes, sourceLabel } from './plan-labels.ts';

// Issue 17, bug 8: tasks were listed with the code `task` and plan items with 出处: line 623.
describe('plan node labels', () => {
  it('gives tasks a code from the numbers above them and their place', () => {
    const nodes = [
      { id: 'c3', parentId: null, position: 1, kind: 'chapter' as const, number: '第三章' },
      { id: 's1', parentId: 'c3', position: 2, kind: 'section' as const, number: '第一节' },
      { id: 't1', parentId: 's1', position: 3, kind: 'task' as const, number: null },
      { id: 't2', parentId: 's1', position: 4, kind: 'task' as const, number: null },
      { id: 'c4', parentId: null, position: 5, kind: 'chapter' as const, number: '第四章' },
      { id: 's4', parentId: 'c4', position: 6, kind: 'section' as const, number: '第一节' },
      { id: 't3', parentId: 's4', position: 7, kind: 'task' as const, number: null },
    ];
    const codes = nodeCodes(nodes);
    expect(codes.get('t1')).toBe('第三章第一节 任务1');
    expect(codes.get('t2')).toBe('第三章第一节 任务2');
    expect(codes.get('t3')).toBe('第四章第一节 任务1');
    expect(codes.get('s4')).toBe('第一节');
    expect([...codes.values()]).not.toContain('task');
  });

  it('says where in the source a node stands in words', () => {
    expect(sourceLabel('line 623')).toEqual({ zh: '原文第623行', en: 'line 623 of the source document' });
    expect(sourceLabel('paragraph 120').zh).toBe('原文第120段');
    expect(sourceLabel('表2').zh).toBe('表2');
  });
});
