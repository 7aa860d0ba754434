import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkOrderDates,
  closedOnTime,
  stepDue,
  supervisionLight,
  transition,
  type SupervisionStatus,
} from './supervision.ts';

const DEADLINE = '2027-03-31';
const measures = [{ title: '加快项目投产', milestone: '一季度开工', dueDate: '2027-02-28' }];

describe('supervision state machine', () => {
  it('runs 交办 → 签收 → 整改计划 → 进展 → 销号', () => {
    let s: SupervisionStatus = 'assigned';
    s = transition(s, 'department', { action: 'acknowledge', body: null }, DEADLINE);
    expect(s).toBe('acknowledged');
    s = transition(s, 'department', { action: 'submit_plan', body: null, measures }, DEADLINE);
    expect(s).toBe('in_progress');
    s = transition(s, 'department', { action: 'report', body: '已开工' }, DEADLINE);
    expect(s).toBe('in_progress');
    s = transition(s, 'office', { action: 'close', body: '核查属实' }, DEADLINE);
    expect(s).toBe('closed');
    expect(allowedActions(s, 'office')).toEqual([]);
    expect(allowedActions(s, 'department')).toEqual([]);
  });

  it('returns to the department, which resubmits a plan', () => {
    const s = transition('in_progress', 'office', { action: 'return', body: '措施不具体' }, DEADLINE);
    expect(s).toBe('returned');
    expect(allowedActions(s, 'department')).toEqual(['submit_plan']);
    expect(transition(s, 'department', { action: 'submit_plan', body: null, measures }, DEADLINE)).toBe(
      'in_progress',
    );
  });

  it('refuses a step out of order, by the wrong side, or without what it needs', () => {
    expect(() =>
      transition('assigned', 'department', { action: 'submit_plan', body: null, measures }, DEADLINE),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => transition('in_progress', 'department', { action: 'close', body: 'x' }, DEADLINE)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => transition('assigned', 'office', { action: 'acknowledge', body: null }, DEADLINE)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() =>
      transition('acknowledged', 'department', { action: 'submit_plan', body: null, measures: [] }, DEADLINE),
    ).toThrow(/at least one measure/);
    expect(() =>
      transition(
        'acknowledged',
        'department',
        { action: 'submit_plan', body: null, measures: [{ ...measures[0]!, dueDate: '2027-04-30' }] },
        DEADLINE,
      ),
    ).toThrow(/after the order’s deadline/);
    expect(() => transition('in_progress', 'office', { action: 'return', body: '  ' }, DEADLINE)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});

describe('step deadlines and the light', () => {
  const order = { planDue: '2026-12-10', deadline: DEADLINE };
  it('gives each open status its deadline', () => {
    // Tuesday 1 Dec 2026 + 2 working days = Thursday 3 Dec
    expect(stepDue('assigned', order, new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-03');
    expect(stepDue('assigned', { ...order, planDue: '2026-12-02' }, new Date('2026-12-01T09:00:00Z'))).toBe(
      '2026-12-02',
    );
    expect(stepDue('acknowledged', order, new Date())).toBe('2026-12-10');
    // Friday 4 Dec + 5 working days = Friday 11 Dec
    expect(stepDue('returned', order, new Date('2026-12-04T09:00:00Z'))).toBe('2026-12-11');
    expect(stepDue('in_progress', order, new Date())).toBe(DEADLINE);
    expect(stepDue('closed', order, new Date())).toBeNull();
  });

  it('is red past the deadline (escalation), yellow within 3 days', () => {
    expect(supervisionLight('assigned', '2026-12-03', '2026-12-04')).toBe('red');
    expect(supervisionLight('assigned', '2026-12-03', '2026-12-01')).toBe('yellow');
    expect(supervisionLight('in_progress', DEADLINE, '2026-12-01')).toBe('green');
    expect(supervisionLight('closed', null, '2026-12-01')).toBe('done');
  });

  it('checks a new order’s dates and whether it closed on time', () => {
    expect(() => checkOrderDates('2026-12-10', '2026-11-30', '2026-12-01')).toThrow(/passed/);
    expect(() => checkOrderDates('2027-01-10', '2026-12-31', '2026-12-01')).toThrow(/before the deadline/);
    expect(() => checkOrderDates('2026-12-10', DEADLINE, '2026-12-01')).not.toThrow();
    expect(closedOnTime(new Date('2027-03-31T10:00:00Z'), DEADLINE)).toBe(true);
    expect(closedOnTime(new Date('2027-04-01T10:00:00Z'), DEADLINE)).toBe(false);
  });
});
