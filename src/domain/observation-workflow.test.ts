import { describe, expect, it } from 'vitest';
import { nextStatus, parsePeriod, WORKFLOW_ACTIONS } from './observation-workflow.ts';
import { OBSERVATION_STATUSES } from './observation.ts';

describe('nextStatus', () => {
  const table: [string, string, string | null][] = [
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['draft', 'approve', null],
    ['draft', 'return', null],
    ['submitted', 'edit', null],
    ['submitted', 'submit', null],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['returned', 'edit', 'draft'],
    ['returned', 'submit', 'submitted'],
    ['returned', 'approve', null],
    ['returned', 'return', null],
  ];
  it.each(table)('%s + %s → %s', (from, action, to) => {
    const r = nextStatus(from as never, action as never);
    expect(r.ok ? r.value : null).toBe(to);
    if (!r.ok) expect(r.error.code).toBe('conflict');
  });

  it('locks approved values against every action', () => {
    for (const action of WORKFLOW_ACTIONS) {
      const r = nextStatus('approved', action);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('locked');
    }
    expect(OBSERVATION_STATUSES).toHaveLength(4);
  });
});

describe('parsePeriod', () => {
  it('reads years, quarters and months with the day the period ends', () => {
    expect(parsePeriod('2024')).toEqual({ year: 2024, end: new Date(Date.UTC(2024, 11, 31)) });
    expect(parsePeriod('2024Q1')?.end.toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(parsePeriod('2024-02')?.end.toISOString().slice(0, 10)).toBe('2024-02-29');
  });
  it('refuses anything else', () => {
    for (const p of ['24', '2024Q5', '2024-13', '2024/01', '']) expect(parsePeriod(p)).toBeNull();
  });
});
