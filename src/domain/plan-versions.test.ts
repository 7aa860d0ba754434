import { describe, expect, it } from 'vitest';
import { linkAcrossPlans, matchIndicators, matchNodes, normaliseName } from './plan-versions.ts';

const i = (id: string, code: string, name: string) => ({ id, code, name });

describe('matchIndicators', () => {
  it('matches on code and name, then name (a row moved), then code (renamed in place)', () => {
    const m = matchIndicators(
      [i('o1', 'T2-01', 'GDP'), i('o2', 'T2-02', '专利'), i('o3', 'T2-03', '失业率'), i('o4', 'T2-04', '旧')],
      [i('n1', 'T2-01', 'GDP'), i('n2', 'T2-02', '失业率'), i('n4', 'T2-04', '新名'), i('n5', 'T2-05', '新')],
    );
    expect([...m.pairs]).toEqual([
      ['o1', 'n1'],
      ['o3', 'n2'],
      ['o4', 'n4'],
    ]);
    expect(m.how.get('n2')).toBe('name');
    expect(m.added).toEqual(['n5']);
    expect(m.removed).toEqual(['o2']);
  });

  it('never pairs two items with one', () => {
    const m = matchIndicators([i('o1', 'A', 'x'), i('o2', 'B', 'x')], [i('n1', 'C', 'x')]);
    expect(m.pairs.size).toBe(0);
  });
});

describe('linkAcrossPlans', () => {
  it('ignores codes (they are row positions) and reads names loosely', () => {
    expect(normaliseName('地区生产总值年均增长速度（%）')).toBe(normaliseName('地区生产总值年均增速'));
    const m = linkAcrossPlans(
      [i('a', 'T2-01', '城镇登记失业率'), i('b', 'T2-02', '进出口总额')],
      [i('c', 'T1-02', '城镇登记失业率'), i('d', 'T1-01', '常住人口')],
    );
    expect([...m.pairs]).toEqual([['a', 'c']]);
  });
});

describe('matchNodes', () => {
  const n = (
    id: string,
    parentId: string | null,
    number: string | null,
    title: string,
    kind = 'chapter',
  ) => ({
    id,
    parentId,
    kind: kind as 'chapter' | 'task',
    number,
    title,
  });
  it('follows a task that moved chapter and a chapter that was retitled', () => {
    const m = matchNodes(
      [
        n('c1', null, '第1章', '创新'),
        n('t1', 'c1', null, '建设实验室', 'task'),
        n('c2', null, '第2章', '开放'),
      ],
      [
        n('d1', null, '第1章', '科技创新'),
        n('d2', null, '第2章', '开放'),
        n('u1', 'd2', null, '建设实验室', 'task'),
      ],
    );
    expect(m.pairs.get('c2')).toBe('d2');
    expect(m.pairs.get('t1')).toBe('u1');
    expect(m.pairs.get('c1')).toBe('d1');
  });
});
