// Loaded lazily (see ./index.tsx): ECharts with only the charts lantu draws.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, EffectScatterChart, LineChart, LinesChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartProps } from './types.ts';

echarts.use([
  LineChart,
  BarChart,
  LinesChart,
  PieChart,
  ScatterChart,
  EffectScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  GeoComponent,
  CanvasRenderer,
  SVGRenderer,
]);

const registered = new Set<string>();

export default function EChart({
  option,
  height = 320,
  map,
  label,
  theme,
  onEvents,
  renderer = 'canvas',
}: EChartProps) {
  if (map && !registered.has(map.name)) {
    echarts.registerMap(map.name, map.geoJSON as Parameters<typeof echarts.registerMap>[1]);
    registered.add(map.name);
  }
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animationDuration: 400, animationDurationUpdate: 300, ...option }}
        notMerge
        lazyUpdate
        theme={theme}
        style={{ height, width: '100%' }}
        onEvents={onEvents}
        opts={{ renderer }}
      />
    </div>
  );
}
