import { describe, expect, it } from 'vitest';
import { VERDICTS } from './types.ts';
import type { Verdict } from './types.ts';
import { BEHIND, isBehind, isGood, VERDICT_ORDER, verdictLabel, verdictSeverity } from './verdict.ts';

describe('verdict vocabulary', () => {
  it('lists exactly the verdicts that mean behind schedule or missed', () => {
    const behind: Verdict[] = VERDICTS.filter(isBehind);
    expect(behind).toEqual([
      'acceleration_needed',
      'limited_progress',
      'lagging',
      'deterioration',
      'not_achieved',
    ]);
    expect([...BEHIND]).toEqual(behind);
  });

  it('counts achieved, ahead and on track as on course, and no verdict as both on course and behind', () => {
    expect(VERDICTS.filter(isGood)).toEqual(['achieved', 'ahead', 'on_track']);
    expect(VERDICTS.filter((v) => isGood(v) && isBehind(v))).toEqual([]);
  });

  it('sorts worst first, then not assessable, then no data', () => {
    const sorted = [...VERDICT_ORDER].sort((a, b) => verdictSeverity(a) - verdictSeverity(b));
    expect(sorted).toEqual([
      'not_achieved',
      'deterioration',
      'lagging',
      'limited_progress',
      'acceleration_needed',
      'on_track',
      'ahead',
      'achieved',
      'not_assessable',
      'no_data',
    ]);
  });

  it('has one word for each verdict: 出现倒退, 需加快进度; achieved reads 已完成 only at the end', () => {
    expect(verdictLabel('deterioration').zh).toBe('出现倒退');
    expect(verdictLabel('acceleration_needed').zh).toBe('需加快进度');
    expect(verdictLabel('achieved').zh).toBe('提前实现');
    expect(verdictLabel('achieved', true).zh).toBe('已完成');
    expect(new Set(VERDICTS.map((v) => verdictLabel(v).zh)).size).toBe(VERDICTS.length);
  });
});
