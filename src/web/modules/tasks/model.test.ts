import { describe, expect, it } from 'vitest';
import { coverage } from './model.ts';

describe('coverage', () => {
  it('a part with 1 of 32 tasks reported is a sample, not the part (issue 17, bug 7)', () => {
    expect(coverage({ counts: { in_progress: 1, completed: 0 }, unreported: 31, percent: 50 })).toEqual({
      reported: 1,
      total: 32,
      whole: false,
      percent: 50,
    });
  });

  it('is the part’s progress once every task has reported; nothing when none has', () => {
    expect(coverage({ counts: { completed: 2, delayed: 1 }, unreported: 0, percent: 80 }).whole).toBe(true);
    expect(coverage({ counts: {}, unreported: 5, percent: null })).toMatchObject({
      whole: false,
      percent: null,
    });
  });
});
