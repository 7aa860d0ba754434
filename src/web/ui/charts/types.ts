import type { EChartsCoreOption } from 'echarts/core';

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number | string;
  /** A GeoJSON registered under `name` before the chart draws. */
  map?: { name: string; geoJSON: object };
  /** Text alternative for screen readers. */
  label: string;
  theme?: string;
  onEvents?: Record<string, (params: unknown) => void>;
  /** 'svg' draws text as text (small charts whose labels a browser test reads back); canvas by default. */
  renderer?: 'canvas' | 'svg';
}
