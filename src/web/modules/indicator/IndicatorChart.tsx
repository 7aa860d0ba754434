import { useI18n } from '../../lib/i18n.tsx';
import type { Indicator, IndicatorEvaluation } from '../../lib/types.ts';
import { Chart } from '../../ui/charts/index.tsx';
import type { SeriesPoint } from '../evaluation/queries.ts';
import { indicatorChart } from './chartOption.ts';

/** Actuals, the expected path baseline → target, the target line, and the projection with its band. */
export function IndicatorChart({
  ev,
  indicator,
  series,
}: {
  ev: IndicatorEvaluation;
  indicator: Indicator | undefined;
  series: SeriesPoint[] | undefined;
}) {
  const { t } = useI18n();
  const { option, label } = indicatorChart(ev, indicator, series, t);
  return <Chart label={label} height={360} option={option} />;
}
