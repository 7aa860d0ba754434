import { describe, expect, it } from 'vitest';
import {
  checkRule,
  computeWarnings,
  DEFAULT_RULES,
  daysPast,
  effectiveRules,
  levelOf,
  reconcileWarnings,
  type WarningFacts,
} from './warnings.ts';

const empty: WarningFacts = {
  today: '2026-12-01',
  indicators: [],
  annual: [],
  unreported: [],
  replies: [],
  projects: [],
  milestones: [],
  supervisions: [],
};

const ind = (years: WarningFacts['indicators'][number]['years']) => ({
  id: 'i1',
  code: 'T2-01',
  name: '地区生产总值',
  departmentId: 'd1',
  years,
});

describe('warning rules', () => {
  it('levels a measure by the yellow and red thresholds', () => {
    const r = { kind: 'schedule_gap' as const, enabled: true, yellow: 5, red: 15 };
    expect(levelOf(r, 4.9)).toBeNull();
    expect(levelOf(r, 5)).toBe('yellow');
    expect(levelOf(r, 15)).toBe('red');
    expect(levelOf({ ...r, enabled: false }, 99)).toBeNull();
  });

  it('fills missing rules with the defaults and refuses yellow above red', () => {
    const rules = effectiveRules([{ kind: 'schedule_gap', enabled: false, yellow: 1, red: 2 }]);
    expect(rules).toHaveLength(8);
    expect(rules.find((r) => r.kind === 'schedule_gap')!.enabled).toBe(false);
    expect(rules.find((r) => r.kind === 'milestone_overdue')).toEqual(DEFAULT_RULES.milestone_overdue);
    expect(() => checkRule({ kind: 'schedule_gap', enabled: true, yellow: 9, red: 3 })).toThrow(/yellow/);
  });

  it('counts days past due', () => {
    expect(daysPast('2026-12-01', '2026-11-30')).toBe(1);
    expect(daysPast('2026-12-01', '2026-12-05T10:00:00Z')).toBe(-4);
  });
});

describe('computeWarnings', () => {
  it('raises yellow for one year behind, red for two in a row, red at once for moving the wrong way', () => {
    const one = computeWarnings(
      { ...empty, indicators: [ind([{ year: 2023, verdict: 'lagging', progress: 0.5, elapsed: 0.6 }])] },
      [],
    );
    expect(one.map((f) => [f.kind, f.level, f.measure])).toEqual([
      ['indicator_lagging', 'yellow', 1],
      ['schedule_gap', 'yellow', 10],
    ]);
    const two = computeWarnings(
      {
        ...empty,
        indicators: [
          ind([
            { year: 2022, verdict: 'lagging', progress: 0.3, elapsed: 0.4 },
            { year: 2023, verdict: 'lagging', progress: 0.4, elapsed: 0.6 },
          ]),
        ],
      },
      [],
    );
    expect(two.find((f) => f.kind === 'indicator_lagging')!.level).toBe('red');
    expect(two.find((f) => f.kind === 'schedule_gap')).toMatchObject({ level: 'red', measure: 20 });
    const wrong = computeWarnings(
      { ...empty, indicators: [ind([{ year: 2023, verdict: 'on_track', progress: -0.1, elapsed: 0.6 }])] },
      [{ kind: 'schedule_gap', enabled: false, yellow: 5, red: 15 }],
    );
    expect(wrong).toEqual([
      expect.objectContaining({ kind: 'indicator_lagging', level: 'red', measure: 0, subjectId: 'i1' }),
    ]);
    expect(wrong[0]!.reason.zh).toContain('逆向');
  });

  it('stays quiet for an indicator on track and for disabled rules', () => {
    const facts = {
      ...empty,
      indicators: [ind([{ year: 2023, verdict: 'lagging' as const, progress: 0.58, elapsed: 0.6 }])],
    };
    expect(
      computeWarnings(facts, [{ kind: 'indicator_lagging', enabled: false, yellow: 1, red: 2 }]),
    ).toEqual([]);
    expect(
      computeWarnings(
        { ...facts, indicators: [ind([{ year: 2023, verdict: 'on_track', progress: 0.6, elapsed: 0.6 }])] },
        [],
      ),
    ).toEqual([]);
  });

  it('judges the annual target: missed after the year, at risk at half-year', () => {
    const base = {
      indicatorId: 'i1',
      code: 'T2-01',
      name: 'GDP',
      departmentId: 'd1',
      verdict: 'missed' as const,
    };
    const found = computeWarnings(
      {
        ...empty,
        annual: [
          { ...base, year: 2025, yearEnded: true, completionRate: 0.9, halfYearShare: null },
          { ...base, year: 2026, yearEnded: false, completionRate: null, halfYearShare: 0.49 },
          { ...base, year: 2024, yearEnded: true, completionRate: 1.02, halfYearShare: null },
        ],
      },
      [],
    );
    expect(found.map((f) => [f.key, f.level, f.measure])).toEqual([
      ['2025', 'red', 10],
      ['2026', 'yellow', 2],
    ]);
  });

  it('counts days overdue for values, replies, milestones and supervision steps', () => {
    const found = computeWarnings(
      {
        ...empty,
        unreported: [
          {
            indicatorId: 'i1',
            code: 'T2-01',
            name: 'GDP',
            departmentId: 'd1',
            period: '2025',
            due: '2026-10-01',
          },
          {
            indicatorId: 'i1',
            code: 'T2-01',
            name: 'GDP',
            departmentId: 'd1',
            period: '2026Q3',
            due: '2026-12-01',
          },
        ],
        replies: [{ id: 'c1', title: 'T2-01', departmentId: 'd1', due: '2026-11-28T16:00:00Z' }],
        milestones: [
          {
            id: 'm1',
            title: '完成方案',
            nodeId: 'n1',
            nodeTitle: '任务',
            departmentId: 'd1',
            due: '2026-11-30',
          },
        ],
        supervisions: [
          {
            id: 's1',
            title: '督办',
            departmentId: 'd1',
            step: { zh: '签收', en: 'Acknowledgement' },
            due: '2026-11-29',
          },
        ],
      },
      [],
    );
    expect(found.map((f) => [f.kind, f.key, f.level, f.measure])).toEqual([
      ['value_unreported', '2025', 'red', 61],
      ['reply_overdue', '', 'yellow', 3],
      ['milestone_overdue', 'm1', 'yellow', 1],
      ['supervision_overdue', '', 'red', 2],
    ]);
  });

  it('compares a project’s investment with the share of the year gone (时序进度)', () => {
    const p = { id: 'p1', code: 'P1', name: '项目', departmentId: 'd1', year: 2026, planned: 100 };
    const found = computeWarnings(
      {
        ...empty,
        projects: [
          { ...p, completed: 60, elapsedShare: 0.75 },
          { ...p, id: 'p2', completed: 40, elapsedShare: 0.75 },
          { ...p, id: 'p3', completed: 70, elapsedShare: 0.75 },
        ],
      },
      [],
    );
    expect(found.map((f) => [f.subjectId, f.level, f.measure])).toEqual([
      ['p1', 'yellow', 15],
      ['p2', 'red', 35],
    ]);
  });
});

describe('reconcileWarnings', () => {
  it('raises the new, changes the moved, clears the gone', () => {
    const f = (subjectId: string, level: 'yellow' | 'red') => ({
      kind: 'schedule_gap' as const,
      subjectType: 'indicator' as const,
      subjectId,
      key: '',
      title: subjectId,
      departmentId: null,
      level,
      measure: 1,
      reason: { zh: '', en: '' },
    });
    const active = [
      {
        id: 'w1',
        kind: 'schedule_gap' as const,
        subjectType: 'indicator' as const,
        subjectId: 'a',
        key: '',
        level: 'yellow' as const,
      },
      {
        id: 'w2',
        kind: 'schedule_gap' as const,
        subjectType: 'indicator' as const,
        subjectId: 'b',
        key: '',
        level: 'yellow' as const,
      },
      {
        id: 'w3',
        kind: 'schedule_gap' as const,
        subjectType: 'indicator' as const,
        subjectId: 'c',
        key: '',
        level: 'red' as const,
      },
    ];
    const r = reconcileWarnings(active, [f('a', 'red'), f('b', 'yellow'), f('d', 'yellow')]);
    expect(r.raise.map((x) => x.subjectId)).toEqual(['d']);
    expect(r.change.map((x) => [x.id, x.escalated])).toEqual([['w1', true]]);
    expect(r.keep.map((x) => x.id)).toEqual(['w2']);
    expect(r.clear).toEqual(['w3']);
  });
});
