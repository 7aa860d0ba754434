/** Chart specs → ECharts options (the look of the web charts: same palette, no animation, white background). */
import type { ChartSpec } from '../types.ts';
import { TONE_COLOR } from './theme.ts';

export type EChartsOption = Record<string, unknown>;

export function chartOption(spec: ChartSpec, fontFamily: string): EChartsOption {
  const base = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily, fontSize: 13, color: '#333333' },
  };
  switch (spec.kind) {
    case 'verdicts':
      return {
        ...base,
        grid: { left: 110, right: 48, top: 16, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: spec.items.map((i) => i.label),
          axisLabel: { fontFamily, fontSize: 14 },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 28,
            data: spec.items.map((i) => ({ value: i.count, itemStyle: { color: TONE_COLOR[i.tone] } })),
            label: { show: true, position: 'right', fontFamily, fontSize: 14 },
          },
        ],
      };
    case 'trend': {
      // No legend, axis name or CJK end label: the caption says which line is which and gives the unit, so a
      // trend chart has only digits (cheap to draw; see fonts.ts).
      return {
        ...base,
        grid: { left: 16, right: 56, top: 28, bottom: 16 },
        xAxis: { type: 'category', data: spec.years.map(String), axisLabel: { fontFamily } },
        yAxis: { type: 'value', scale: true, axisLabel: { fontFamily } },
        series: [
          {
            type: 'line',
            connectNulls: true,
            symbolSize: 7,
            lineStyle: { width: 3, color: TONE_COLOR.red },
            itemStyle: { color: TONE_COLOR.red },
            label: { show: true, position: 'top', fontFamily },
            data: spec.actual,
          },
          {
            type: 'line',
            connectNulls: true,
            symbol: 'none',
            lineStyle: { width: 2, type: 'dashed', color: TONE_COLOR.blue },
            itemStyle: { color: TONE_COLOR.blue },
            data: spec.path,
            endLabel:
              spec.target !== null
                ? { show: true, formatter: String(spec.target), fontFamily, color: TONE_COLOR.blue }
                : undefined,
          },
        ],
      };
    }
    case 'bars':
      return {
        ...base,
        legend: { bottom: 0, textStyle: { fontFamily } },
        grid: { left: 16, right: 16, top: 24, bottom: 40 },
        xAxis: { type: 'category', data: spec.categories, axisLabel: { fontFamily, interval: 0 } },
        yAxis: {
          type: 'value',
          name: spec.unit ?? '',
          nameTextStyle: { fontFamily },
          axisLabel: { fontFamily },
        },
        series: spec.series.map((s) => ({
          name: s.name,
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: TONE_COLOR[s.tone] },
          label: { show: true, position: 'top', fontFamily },
          data: s.values,
        })),
      };
  }
}
