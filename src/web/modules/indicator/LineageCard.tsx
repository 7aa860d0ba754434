import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { IndicatorLineage } from '../../lib/types.ts';
import { Chart } from '../../ui/charts/index.tsx';

/**
 * One indicator across the plans it continues through (issue 15 §6): the 13th plan's results, the 14th's and the
 * 15th's as one series, each plan's period and target beside it. Shown only when the indicator continues.
 */
export function LineageCard({ indicatorId }: { indicatorId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['lineage', indicatorId],
    queryFn: ({ signal }) => api<IndicatorLineage>(`/api/indicators/${indicatorId}/lineage`, { signal }),
    staleTime: 60_000,
  });
  const l = q.data;
  if (!l || l.plans.length < 2) return null;
  const years: number[] = [];
  for (let y = l.from; y <= l.to; y++) years.push(y);
  const byPlan = l.plans.map((p) => {
    const values = new Map<number, number>();
    for (const pt of l.points)
      if (pt.planKey === p.key && pt.value !== null && pt.kind === 'actual') values.set(pt.year, pt.value);
    return { plan: p, values };
  });
  // where a plan's series starts, the year before (its baseline) joins it to the plan before
  const joined = new Map<number, number>();
  for (const pt of l.points) if (pt.value !== null && !joined.has(pt.year)) joined.set(pt.year, pt.value);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', scale: true, name: l.unit ?? '' },
    series: [
      {
        name: t('lineage.series'),
        type: 'line',
        data: years.map((y) => joined.get(y) ?? null),
        connectNulls: true,
        lineStyle: { type: 'dotted', width: 1 },
        symbol: 'none',
        silent: true,
      },
      ...byPlan.map(({ plan, values }) => ({
        name: plan.title,
        type: 'line',
        data: years.map((y) => values.get(y) ?? null),
        connectNulls: false,
        markLine:
          plan.targetYear !== null && plan.target !== null && Number.isFinite(Number(plan.target))
            ? {
                symbol: 'none',
                lineStyle: { type: 'dashed' },
                label: {
                  position: 'insideEndTop',
                  formatter: `${plan.targetYear} ${t('lineage.target')} ${plan.target}`,
                },
                data: [
                  [
                    { coord: [String(plan.periodStart), Number(plan.target)] },
                    { coord: [String(plan.periodEnd), Number(plan.target)] },
                  ],
                ],
              }
            : undefined,
      })),
    ],
  };
  const label = t('lineage.chartLabel', {
    name: l.name,
    from: l.from,
    to: l.to,
    values: l.points
      .filter((p) => p.value !== null)
      .map((p) => `${p.year} ${fmt(p.value)}`)
      .join('，'),
  });
  return (
    <Card size="small" title={t('lineage.title', { from: l.from, to: l.to })} data-testid="lineage">
      <Chart label={label} height={300} option={option} />
      <Table
        size="small"
        rowKey="planId"
        pagination={false}
        dataSource={l.plans}
        columns={[
          { title: t('lineage.plan'), dataIndex: 'title' },
          {
            title: t('lineage.period'),
            render: (_, p) => `${p.periodStart}–${p.periodEnd}`,
          },
          { title: t('col.code'), dataIndex: 'code', width: 80 },
          {
            title: t('ind.baseline'),
            render: (_, p) => (p.baseline ? `${p.baseline} (${p.baselineYear ?? ''})` : '—'),
          },
          {
            title: t('ind.target'),
            render: (_, p) => (p.target ? `${p.target} (${p.targetYear ?? ''})` : '—'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('lineage.note')}
      </Typography.Paragraph>
    </Card>
  );
}
