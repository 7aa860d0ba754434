import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { IndicatorEvaluation } from '../../lib/types.ts';
import { Chart } from '../../ui/charts/index.tsx';

type Judgement = NonNullable<IndicatorEvaluation['judgement']>;
type Growth = NonNullable<IndicatorEvaluation['growth']>;

const SCHEDULE_COLOR: Record<NonNullable<Judgement['schedule']>, string> = {
  met: 'green',
  ahead: 'green',
  on_schedule: 'blue',
  behind: 'red',
  missed: 'red',
};

/**
 * The two-part judgement (issue 15 §3): where the indicator stands against the schedule, whether its trend
 * reaches the five-year target, the disagreement flagged; and for growth targets the annual rates with the
 * 两年平均增长 drawn together.
 */
export function JudgementCard({ ev }: { ev: IndicatorEvaluation | undefined }) {
  const { t, pick } = useI18n();
  if (!ev) return <Card size="small" title={t('judgement.title')} loading />;
  const j = ev.judgement;
  return (
    <Card size="small" title={t('judgement.title')} data-testid="judgement">
      {j && (j.schedule !== null || j.trend !== null) ? (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('judgement.schedule')}>
              {j.schedule ? (
                <Tag color={SCHEDULE_COLOR[j.schedule]} data-schedule={j.schedule}>
                  {t(`judgement.schedule.${j.schedule}`)}
                </Tag>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('judgement.trend')}>
              {j.trend ? (
                <Tag color={j.trend === 'reaches' ? 'green' : 'orange'} data-trend={j.trend}>
                  {t(`judgement.trend.${j.trend}`)}
                </Tag>
              ) : (
                t('judgement.trend.over')
              )}
            </Descriptions.Item>
          </Descriptions>
          {j.disagreement && (
            <Alert
              type="warning"
              showIcon
              data-testid="judgement-disagreement"
              title={t(`judgement.disagreement.${j.disagreement}`)}
            />
          )}
          <Typography.Paragraph style={{ marginBottom: 0 }}>{pick(j.text)}</Typography.Paragraph>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('judgement.none')}</Typography.Text>
      )}
      {ev.growth && ev.growth.annual.length > 0 && <GrowthView growth={ev.growth} target={ev.target} />}
    </Card>
  );
}

function GrowthView({ growth, target }: { growth: Growth; target: number | null }) {
  const { t } = useI18n();
  const years = growth.annual.map((a) => a.year);
  const two = new Map(growth.twoYearAverage.map((r) => [r.year, r.rate]));
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${fmt(v)}%` : '—'),
    },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('growth.annual'),
        type: 'bar',
        data: growth.annual.map((a) => a.rate),
        barMaxWidth: 28,
        ...(target !== null
          ? {
              markLine: {
                symbol: 'none',
                data: [{ yAxis: target, name: t('growth.target') }],
                label: { position: 'insideEndTop', formatter: `${t('growth.target')} ${fmt(target)}%` },
                lineStyle: { type: 'dashed' },
              },
            }
          : {}),
      },
      {
        name: t('growth.twoYear'),
        type: 'line',
        data: years.map((y) => two.get(y) ?? null),
        connectNulls: false,
      },
    ],
  };
  const label = t('growth.chartLabel', {
    annual: growth.annual.map((a) => `${a.year} ${fmt(a.rate)}%`).join('，'),
    two: growth.twoYearAverage.map((a) => `${a.year} ${fmt(a.rate)}%`).join('，') || '—',
  });
  return (
    <div data-testid="growth" style={{ marginTop: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('growth.title')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('growth.latest')}>
          {growth.latest ? `${growth.latest.year} · ${fmt(growth.latest.rate)}%` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('growth.twoYear')}>
          <span data-testid="growth-two-year">
            {growth.twoYearAverage.length > 0
              ? growth.twoYearAverage.map((a) => `${a.year} ${fmt(a.rate)}%`).join('；')
              : '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Chart label={label} height={220} option={option} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('growth.note')}
      </Typography.Paragraph>
    </div>
  );
}
