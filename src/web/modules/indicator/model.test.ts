import { describe, expect, it } from 'vitest';
import { requiredRate } from './model.ts';

describe('requiredRate', () => {
  it('shows the percentage the API gives without multiplying it again (issue 17, bug 4)', () => {
    expect(requiredRate({ relative: 4.316, absolute: 12.5, years: 2 })).toEqual({
      key: 'ind.requiredRel',
      rate: '4.3',
      years: 2,
    });
  });

  it('falls back to the absolute change per year', () => {
    expect(requiredRate({ relative: null, absolute: 1234.5, years: 3 })).toEqual({
      key: 'ind.requiredAbs',
      v: '1,234.5',
      years: 3,
    });
  });
});
