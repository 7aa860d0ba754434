import { useI18n } from '../../lib/i18n.tsx';
import type { IndicatorEvaluation } from '../../lib/types.ts';
import { Chart } from '../../ui/charts/index.tsx';
import { useVerdictLabel, VERDICT_COLOR } from '../../ui/verdict.tsx';
import { countVerdicts } from './model.ts';

export function VerdictDistribution({
  items,
  height = 260,
  dark = false,
}: {
  items: IndicatorEvaluation[];
  height?: number;
  dark?: boolean;
}) {
  const { t } = useI18n();
  const verdictLabel = useVerdictLabel();
  const data = countVerdicts(items).map(({ verdict, count }) => ({
    name: verdictLabel(verdict),
    value: count,
    itemStyle: { color: VERDICT_COLOR[verdict] },
  }));
  const label = data.map((d) => `${d.name} ${d.value}`).join('，');
  return (
    <Chart
      label={`${t('dashboard.distribution')}：${label}`}
      height={height}
      renderer={dark ? 'canvas' : 'svg'} // svg: the panel's labels are text a browser test can read
      option={dark ? wallOption(data) : panelOption(data)}
    />
  );
}

type Slice = { name: string; value: number; itemStyle: { color: string } };

const TOOLTIP = { trigger: 'item', formatter: '{b}: {c} ({d}%)' };

/**
 * The dashboard's panel (about 300 px wide at 1280 and 360 at 1024, where it shares the row with one panel): the slices name themselves, so no legend, and
 * no fixed label width — ECharts then breaks a label onto lines to fit the room beside the ring (a fixed
 * 90 px ran past the panel's right edge: 基本符合预…).
 */
function panelOption(data: Slice[]) {
  return {
    tooltip: TOOLTIP,
    series: [
      {
        type: 'pie',
        radius: ['32%', '52%'],
        // the small verdicts come first, at the top right, where most labels then sit: room on that side
        center: ['42%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', color: '#1f2329', fontSize: 12, overflow: 'break', bleedMargin: 4 },
        labelLine: { length: 8, length2: 6 },
        labelLayout: { hideOverlap: false },
        data,
      },
    ],
  };
}

/** The wall display's larger panel, with a legend; long English verdicts break onto lines. */
function wallOption(data: Slice[]) {
  return {
    tooltip: TOOLTIP,
    legend: { bottom: 0, type: 'scroll', textStyle: { color: '#dbe6ff', fontSize: 16 } },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', color: '#fff', fontSize: 16, width: 130, overflow: 'break' },
        labelLayout: { hideOverlap: false },
        data,
      },
    ],
  };
}
