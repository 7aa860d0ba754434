import { describe, expect, it } from 'vitest';
import { deadlineItem, reportingItem, verdictItem } from './assessment-items.ts';
import {
  checkAdjustment,
  checkAssessmentConfig,
  DEFAULT_ASSESSMENT_CONFIG,
  scoreDepartments,
  type AssessedItem,
} from './assessment.ts';

const dept = (id: string) => ({ id, code: id.toUpperCase(), name: `部门${id}` });
const item = (
  departmentId: string,
  criterion: AssessedItem['criterion'],
  credit: number,
  binding = false,
) => ({
  criterion,
  departmentId,
  title: `${criterion} ${credit}${binding ? ' binding' : ''}`,
  link: '/x',
  credit,
  binding,
  reason: { zh: '原因', en: 'reason' },
});

describe('department assessment scores', () => {
  it('costs each lost item its share of the weight, binding verdicts counted twice', () => {
    const [a] = scoreDepartments(
      {
        year: 2024,
        departments: [dept('a')],
        adjustments: [],
        items: [
          // reporting 20: 4 periods, 1 late → 5 lost
          ...[1, 1, 1, 0].map((c) => item('a', 'reporting_on_time', c)),
          // verdicts 30: expected on track (1), expected lagging (1), binding ½ (2) → 30 × (1 + 0.5×2) / 4 = 15 lost
          item('a', 'indicator_verdicts', 1),
          item('a', 'indicator_verdicts', 0),
          item('a', 'indicator_verdicts', 0.5, true),
        ],
      },
      DEFAULT_ASSESSMENT_CONFIG,
    );
    expect(a!.base).toBe(80);
    const verdicts = a!.criteria.find((c) => c.criterion === 'indicator_verdicts')!;
    expect(verdicts).toMatchObject({ weight: 30, items: 3, met: 1, points: 15, lost: 15 });
    expect(verdicts.losses.map((l) => l.lost)).toEqual([7.5, 7.5]);
    expect(a!.criteria.find((c) => c.criterion === 'replies_on_time')).toMatchObject({
      applicable: false,
      points: 15,
      lost: 0,
    });
  });

  it('adds adjustments within 0–100 and ranks ties together', () => {
    const scores = scoreDepartments(
      {
        year: 2024,
        departments: [dept('b'), dept('a'), dept('c')],
        items: [item('a', 'replies_on_time', 0), item('b', 'replies_on_time', 0)],
        adjustments: [
          { departmentId: 'c', points: 5, reason: '加分', by: 'x', at: '' },
          { departmentId: 'b', points: -3.5, reason: '扣分', by: 'x', at: '' },
        ],
      },
      DEFAULT_ASSESSMENT_CONFIG,
    );
    expect(scores.map((s) => [s.department.code, s.rank, s.base, s.score])).toEqual([
      ['C', 1, 100, 100],
      ['A', 2, 85, 85],
      ['B', 3, 85, 81.5],
    ]);
  });

  it('refuses weights not adding up to 100, a binding weight below 1, empty or zero adjustments', () => {
    const w = { ...DEFAULT_ASSESSMENT_CONFIG.weights, values_returned: 20 };
    expect(() => checkAssessmentConfig({ weights: w, bindingWeight: 2 })).toThrow(/110/);
    expect(() => checkAssessmentConfig({ ...DEFAULT_ASSESSMENT_CONFIG, bindingWeight: 0.5 })).toThrow(
      /binding/,
    );
    expect(() => checkAdjustment({ points: 0, reason: 'x' })).toThrow(/non-zero/);
    expect(() => checkAdjustment({ points: 2, reason: '  ' })).toThrow(/reason/);
  });
});

describe('assessed items', () => {
  const d = { departmentId: 'a', title: 't', link: '/t', due: '2024-03-31' };
  const words = { done: { zh: '报送', en: 'Reported' } };
  it('a deadline is met on the day, lost when late or overdue, not counted before it', () => {
    expect(
      deadlineItem('reporting_on_time', { ...d, doneOn: '2024-03-31' }, '2024-06-01', words)?.credit,
    ).toBe(1);
    expect(
      deadlineItem('reporting_on_time', { ...d, doneOn: '2024-04-02' }, '2024-06-01', words),
    ).toMatchObject({
      credit: 0,
      reason: { zh: '逾期2天报送（期限2024-03-31）' },
    });
    expect(deadlineItem('reporting_on_time', { ...d, doneOn: null }, '2024-04-10', words)).toMatchObject({
      credit: 0,
      reason: { zh: '逾期10天未报送（期限2024-03-31）' },
    });
    expect(deadlineItem('reporting_on_time', { ...d, doneOn: null }, '2024-03-31', words)).toBeNull();
  });
  it('verdicts without data are not counted', () => {
    const v = { departmentId: 'a', indicatorId: 'i', code: 'T', name: 'n', binding: true };
    expect(verdictItem({ ...v, verdict: 'no_data' })).toBeNull();
    expect(verdictItem({ ...v, verdict: 'lagging' })).toMatchObject({ credit: 0, binding: true });
  });
});

describe('reporting on time (数据按时报送)', () => {
  const period = {
    departmentId: 'a',
    indicatorId: 'i',
    code: 'T2-05',
    name: '各类总部累计数',
    period: '2023',
    due: '2024-03-31',
  };
  it('judges a reported period by its deadline; a figure loaded with the plan’s data is not counted', () => {
    expect(reportingItem({ ...period, reportedOn: '2024-03-01', loaded: false }, '2026-12-02')?.credit).toBe(
      1,
    );
    expect(reportingItem({ ...period, reportedOn: '2024-05-10', loaded: false }, '2026-12-02')?.credit).toBe(
      0,
    );
    expect(reportingItem({ ...period, reportedOn: null, loaded: false }, '2026-12-02')?.credit).toBe(0);
    expect(reportingItem({ ...period, reportedOn: null, loaded: true }, '2026-12-02')).toBeNull();
    expect(reportingItem({ ...period, reportedOn: '2026-12-01', loaded: true }, '2026-12-02')).toBeNull();
  });
});
