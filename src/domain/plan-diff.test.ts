import { describe, expect, it } from 'vitest';
import { describePlanChanges } from './plan-diff.ts';

const ind = (code: string, target: string, name = `指标${code}`) => ({
  code,
  name,
  kind: 'level' as const,
  attribute: 'expected' as const,
  baseline: { raw: '1' },
  target: { raw: target },
});
const node = { kind: 'part' as const, number: null, title: 'x', body: null, source: null, children: [] };

describe('describePlanChanges', () => {
  it('lists added, removed and changed indicators and the node count', () => {
    const lines = describePlanChanges(
      { nodeCount: 1, indicators: [ind('A', '10'), ind('B', '5')] },
      { nodes: [node, node], indicators: [ind('A', '12'), ind('C', '3')] },
    );
    expect(lines).toEqual([
      'nodes 节点: 1 → 2',
      '~ indicator A 指标A: target 10 → 12',
      '+ indicator C 指标C',
      '- indicator B 指标B',
    ]);
  });

  it('says so when nothing changed', () => {
    expect(
      describePlanChanges(
        { nodeCount: 1, indicators: [ind('A', '1')] },
        { nodes: [node], indicators: [ind('A', '1')] },
      ),
    ).toEqual(['no changes 无变化']);
  });
});
