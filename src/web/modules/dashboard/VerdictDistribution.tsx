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
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: {
          bottom: 0,
          type: 'scroll',
          textStyle: { color: dark ? '#dbe6ff' : '#4e5969', fontSize: dark ? 16 : 12 },
        },
        series: [
          {
            type: 'pie',
            radius: ['45%', '70%'],
            center: ['50%', '45%'],
            avoidLabelOverlap: true,
            // long English verdicts break onto lines instead of running off the chart
            label: {
              formatter: '{b}\n{c}',
              color: dark ? '#fff' : '#1f2329',
              fontSize: dark ? 16 : 12,
              width: dark ? 130 : 90,
              overflow: 'break',
            },
            labelLayout: { hideOverlap: false },
            data,
          },
        ],
      }}
    />
  );
}
