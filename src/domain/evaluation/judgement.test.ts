import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate.ts';
import { evaluatePlan } from './summary.ts';
import { makeSpec, obs as one } from './testkit.ts';

const obs = (...pairs: [number, number][]) => pairs.map(([y, v]) => one(y, v));

const hitech = makeSpec({ code: 'A', kind: 'level', baseline: 1837, target: '5000', unit: '家' });
const jobless = makeSpec({
  code: 'B',
  kind: 'ceiling',
  direction: 'decrease',
  baseline: null,
  target: '2',
  unit: '%',
});

describe('two-part judgement: time progress and the trend, with disagreement flagged', () => {
  it('behind the schedule and a trend that misses: both parts agree', () => {
    const r = evaluateIndicator(hitech, obs([2021, 2300], [2022, 2700], [2023, 3200]), 2023);
    expect(r.verdict).toBe('lagging');
    expect(r.progress).toBe(0.4309);
    expect(r.judgement).toEqual({
      schedule: 'behind',
      trend: 'misses',
      disagreement: null,
      text: {
        zh: '进度落后于时间进度，按当前趋势难以实现目标',
        en: 'behind the schedule; the trend misses the target',
      },
    });
  });

  it('on schedule, but the trend misses the five-year target', () => {
    // 58% of the way after 60% of the time is within δ = 5 points, but that pace ends at 97% in 2025.
    const r = evaluateIndicator(hitech, obs([2021, 2500], [2022, 3100], [2023, 3670]), 2023);
    expect(r.verdict).toBe('on_track');
    expect(r.progress).toBe(0.5795);
    expect(r.probability?.value).toBeLessThan(0.5);
    expect(r.judgement?.schedule).toBe('on_schedule');
    expect(r.judgement?.trend).toBe('misses');
    expect(r.judgement?.disagreement).toBe('on_schedule_trend_misses');
    expect(r.judgement?.text.zh).toBe('进度符合时间进度，但按当前趋势难以实现目标');
  });

  it('behind now, but the trend reaches the target: a ceiling coming down 0.2 a year', () => {
    const r = evaluateIndicator(jobless, obs([2021, 2.6], [2022, 2.4], [2023, 2.2]), 2023);
    expect(r.verdict).toBe('lagging');
    expect(r.projection?.linear).toBe(1.8);
    expect(r.probability?.value).toBe(1);
    expect(r.judgement).toMatchObject({
      schedule: 'behind',
      trend: 'reaches',
      disagreement: 'behind_trend_reaches',
    });
    expect(r.judgement?.text.en).toBe('behind the schedule, but the trend reaches the target');
  });

  it('at the end of the period: met or missed, no outlook', () => {
    const r = evaluateIndicator(hitech, obs([2023, 3670], [2025, 4800]), 2025);
    expect(r.verdict).toBe('not_achieved');
    expect(r.judgement).toMatchObject({ schedule: 'missed', trend: null, disagreement: null });
    expect(evaluateIndicator(hitech, [], 2023).judgement).toMatchObject({ schedule: null, trend: null });
  });

  it('the summary counts both parts and the disagreements', () => {
    const level2 = { ...hitech, code: 'C' };
    const e = evaluatePlan({
      indicators: [hitech, jobless, level2],
      observations: new Map([
        ['A', obs([2021, 2500], [2022, 3100], [2023, 3670])],
        ['B', obs([2021, 2.6], [2022, 2.4], [2023, 2.2])],
        ['C', obs([2021, 2300], [2022, 2700], [2023, 3200])],
      ]),
      year: 2023,
    });
    const j = e.summary.judgement;
    expect(j.schedule).toEqual({ met: 0, ahead: 0, on_schedule: 1, behind: 2, missed: 0 });
    expect(j.trend).toEqual({ reaches: 1, misses: 2 });
    expect(j.disagreements).toEqual({ on_schedule_trend_misses: 1, behind_trend_reaches: 1 });
    expect(j.sentence.zh).toBe(
      '按时间进度，1项达到或快于进度、2项落后；按当前趋势，1项可实现目标、2项难以实现；1项进度符合但趋势难以实现，1项进度落后但趋势可实现。',
    );
  });
});
