import { describe, expect, it } from 'vitest';
import { describeVersionChanges, versionChangeList, type VersionSide } from './plan-diff.ts';
import { matchIndicators, matchNodes } from './plan-versions.ts';

const ind = (code: string, target: string, name = `指标${code}`, kind = 'level') => ({
  id: `${code}:${target}`,
  code,
  name,
  unit: '%',
  kind,
  attribute: 'expected',
  baseline: '1',
  target,
});
const node = (id: string, title: string, number: string | null = null) => ({
  id,
  parentId: null,
  kind: 'part' as const,
  number,
  title,
});
const describeSides = (before: VersionSide, after: VersionSide) =>
  describeVersionChanges(before, after, {
    indicators: matchIndicators(before.indicators, after.indicators),
    nodes: matchNodes(before.nodes, after.nodes),
  });

describe('describeVersionChanges', () => {
  it('lists added, removed and changed indicators and headings', () => {
    const lines = describeSides(
      { nodes: [node('a', '总体要求', '第一篇')], indicators: [ind('A', '10'), ind('B', '5')] },
      {
        nodes: [node('x', '总体要求', '第一篇'), node('y', '保障措施', '第二篇')],
        indicators: [ind('A', '12', '指标A', 'floor'), ind('C', '3')],
      },
    );
    expect(lines).toEqual([
      '+ part 第二篇 保障措施',
      '~ indicator A 指标A: target 10 → 12; kind level → floor',
      '+ indicator C 指标C',
      '- indicator B 指标B',
    ]);
  });

  it('is empty when nothing changed, whatever kind the document would give', () => {
    expect(
      describeSides(
        { nodes: [node('a', 'x')], indicators: [ind('A', '1', '指标A', 'ceiling')] },
        { nodes: [node('b', 'x')], indicators: [ind('A', '1')] },
      ),
    ).toEqual([]);
  });
});

describe('versionChangeList', () => {
  it('gives each change as data, coded values as they are stored', () => {
    const before = {
      nodes: [node('a', '总体要求', '第一篇')],
      indicators: [ind('A', '10', '指标A', 'ceiling')],
    };
    const after = {
      nodes: [node('x', '总体要求', '第一篇')],
      indicators: [ind('A', '12', '指标A', 'share')],
    };
    expect(
      versionChangeList(before, after, {
        indicators: matchIndicators(before.indicators, after.indicators),
        nodes: matchNodes(before.nodes, after.nodes),
      }),
    ).toEqual([
      {
        subject: 'indicator',
        op: 'changed',
        code: 'A',
        name: '指标A',
        fields: [
          { field: 'target', before: '10', after: '12' },
          { field: 'kind', before: 'ceiling', after: 'share' },
        ],
      },
    ]);
  });
});
