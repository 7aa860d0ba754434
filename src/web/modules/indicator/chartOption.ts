import type { EChartsCoreOption } from 'echarts/core';
import { fmt } from '../../lib/format.ts';
import { targetIsAverageRate } from '../../lib/rules.ts';
import type { Translate } from '../../lib/i18n.tsx';
import type { Indicator, IndicatorEvaluation } from '../../lib/types.ts';
import { expectedPath, seriesWithBaseline } from '../dashboard/model.ts';
import type { SeriesPoint } from '../evaluation/queries.ts';

/** The stacked helper series under the projection band: drawn, never named in the legend or the tooltip. */
export const BAND_BASE = '__band_base';

/**
 * Actuals, the expected path baseline → target, the target line, and the projection with its band, as an
 * ECharts option and a text alternative. The legend lists the named series only and sits above the grid, so it
 * never covers the unit on the y axis.
 */
export function indicatorChart(
  ev: IndicatorEvaluation,
  indicator: Indicator | undefined,
  series: SeriesPoint[] | undefined,
  t: Translate,
): { option: EChartsCoreOption; label: string } {
  const actual = seriesWithBaseline(ev, indicator, series).filter(
    (p): p is { x: number; y: number } => p.y !== null,
  );
  const path = expectedPath(ev, indicator);
  const target = ev.target ?? indicator?.target?.value ?? null;
  const targetYear = ev.targetYear ?? indicator?.targetYear ?? null;
  const last = actual[actual.length - 1];
  const proj = ev.projection;
  const projLines: { name: string; data: [number, number][] }[] = [];
  let band: { base: [number, number][]; width: [number, number][] } | null = null;
  if (last && targetYear !== null && proj && !targetIsAverageRate(ev.kind) && targetYear > last.x) {
    const ends = [proj.linear, proj.cagr].filter((v): v is number => v !== null && Number.isFinite(v));
    if (proj.linear !== null)
      projLines.push({
        name: t('chart.projLinear'),
        data: [
          [last.x, last.y],
          [targetYear, proj.linear],
        ],
      });
    if (proj.cagr !== null)
      projLines.push({
        name: t('chart.projCagr'),
        data: [
          [last.x, last.y],
          [targetYear, proj.cagr],
        ],
      });
    if (ends.length === 2) {
      const lo = Math.min(...ends);
      const hi = Math.max(...ends);
      band = {
        base: [
          [last.x, last.y],
          [targetYear, lo],
        ],
        width: [
          [last.x, 0],
          [targetYear, hi - lo],
        ],
      };
    }
  }
  const xs = [
    ...actual.map((p) => p.x),
    ...(path ?? []).map((p) => p.x),
    ...(targetYear ? [targetYear] : []),
  ];
  const minX = xs.length ? Math.min(...xs) : undefined;
  const maxX = xs.length ? Math.max(...xs) : undefined;
  const described = [
    `${t('chart.actual')}: ${actual.map((p) => `${p.x} ${fmt(p.y)}`).join('，') || '—'}`,
    `${t('chart.target')}: ${ev.targetRaw ?? fmt(target)}`,
  ].join('；');

  const named = [
    t('chart.actual'),
    ...(path ? [t('chart.expected')] : []),
    ...projLines.map((l) => l.name),
    ...(band ? [t('chart.band')] : []),
  ];
  return {
    label: `${ev.name} — ${described}`,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll', data: named },
      grid: { left: 56, right: 36, top: 64, bottom: 36, containLabel: true },
      xAxis: {
        type: 'value',
        min: minX,
        max: maxX,
        interval: 1,
        axisLabel: { formatter: (v: number) => String(v) },
      },
      yAxis: { type: 'value', scale: true, name: ev.unit ?? '', nameGap: 12 },
      series: [
        {
          name: t('chart.actual'),
          type: 'line',
          data: actual.map((p) => [p.x, p.y]),
          symbolSize: 8,
          lineStyle: { width: 3 },
          itemStyle: { color: '#1664ff' },
          markLine:
            target !== null
              ? {
                  symbol: 'none',
                  label: {
                    position: 'insideEndTop',
                    formatter: `${t('chart.target')} ${ev.targetRaw ?? fmt(target)}`,
                  },
                  lineStyle: { color: '#d54941', type: 'solid' },
                  data: [{ yAxis: target }],
                }
              : undefined,
        },
        ...(path
          ? [
              {
                name: t('chart.expected'),
                type: 'line',
                data: path.map((p) => [p.x, p.y]),
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#8b949e' },
                itemStyle: { color: '#8b949e' },
              },
            ]
          : []),
        ...projLines.map((l, i) => ({
          name: l.name,
          type: 'line',
          data: l.data,
          symbol: 'emptyCircle',
          lineStyle: { type: 'dotted', width: 2, color: i === 0 ? '#e37318' : '#7a4fd6' },
          itemStyle: { color: i === 0 ? '#e37318' : '#7a4fd6' },
        })),
        ...(band
          ? [
              {
                name: BAND_BASE,
                type: 'line',
                data: band.base,
                stack: 'band',
                symbol: 'none',
                lineStyle: { opacity: 0 },
                tooltip: { show: false },
              },
              {
                name: t('chart.band'),
                type: 'line',
                data: band.width,
                stack: 'band',
                symbol: 'none',
                lineStyle: { opacity: 0 },
                areaStyle: { color: 'rgba(227,115,24,0.15)' },
                tooltip: { show: false },
              },
            ]
          : []),
      ],
    },
  };
}
