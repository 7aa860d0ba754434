import { describe, expect, it } from 'vitest';
import type { IndicatorEvaluation } from '../../lib/types.ts';
import { BAND_BASE, indicatorChart } from './chartOption.ts';

const t = (k: string) => `«${k}»`;

/** A level indicator 10.4 (2020) → 14.5 (2025) with a value for 2023 and both projections. */
const ev = {
  code: 'T2-02',
  name: '单位面积GDP',
  unit: '亿元/平方公里',
  kind: 'level',
  baseline: 10.4,
  baselineYear: 2020,
  target: 14.5,
  targetRaw: '14.5',
  targetYear: 2025,
  projection: { linear: 14.1, cagr: 14.9, linearMeets: false, cagrMeets: true },
} as unknown as IndicatorEvaluation;

describe('indicatorChart', () => {
  const { option } = indicatorChart(ev, undefined, [{ year: 2023, actual: 12.6 }], t);
  const o = option as {
    legend: { data: string[]; top: number };
    grid: { top: number };
    series: { name: string }[];
  };

  it('names in the legend only the series a reader knows, never the band helper (issue 17, bug 6)', () => {
    expect(o.series.map((s) => s.name)).toContain(BAND_BASE);
    expect(o.legend.data).not.toContain(BAND_BASE);
    expect(o.legend.data.join()).not.toMatch(/band-base|__/);
    expect(o.legend.data).toEqual([
      '«chart.actual»',
      '«chart.expected»',
      '«chart.projLinear»',
      '«chart.projCagr»',
      '«chart.band»',
    ]);
  });

  it('keeps the plot below the legend so the axis unit is not covered', () => {
    expect(o.grid.top).toBeGreaterThanOrEqual(56);
  });
});
