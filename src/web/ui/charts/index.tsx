import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './types.ts';

const Lazy = lazy(() => import('./EChart.tsx'));

/** ECharts, loaded on first use so the shell stays small. */
export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <Lazy {...props} />
    </Suspense>
  );
}
export type { EChartProps } from './types.ts';
