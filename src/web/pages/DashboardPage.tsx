import { Card, Col, List, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { BEHIND, type IndicatorEvaluation, type Method } from '../lib/types.ts';
import { IndicatorCard } from '../modules/dashboard/IndicatorCard.tsx';
import { SEVERITY } from '../modules/dashboard/model.ts';
import { VerdictDistribution } from '../modules/dashboard/VerdictDistribution.tsx';
import { useActualSeries, useEvaluation, useIndicators } from '../modules/evaluation/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { VerdictTag } from '../ui/verdict.tsx';

type Filter = 'all' | 'binding' | 'behind';

/** Below the fold (map, task roll-up, projects): its own chunk, so the table and the map code load after the cards. */
const DashboardLower = lazy(() => import('../modules/dashboard/DashboardLower.tsx'));

export function MethodSwitch() {
  const { t } = useI18n();
  const { method, setMethod } = useWorkspace();
  return (
    <Segmented<Method>
      aria-label={t('method.label')}
      value={method}
      onChange={setMethod}
      options={[
        { label: t('method.time'), value: 'time' },
        { label: t('method.trend'), value: 'trend' },
      ]}
    />
  );
}

export function DashboardPage() {
  const { t, pick } = useI18n();
  const ws = useWorkspace();
  const planId = ws.plan?.id ?? null;
  const evalQ = useEvaluation(planId, ws.year, ws.method);
  const indQ = useIndicators(planId);
  const seriesYears = useMemo(
    () => ws.years.filter((y) => ws.year !== null && y <= ws.year),
    [ws.years, ws.year],
  );
  const series = useActualSeries(planId, seriesYears);
  const [filter, setFilter] = useState<Filter>('all');

  if (ws.error) return <ErrorState error={ws.error} />;
  if (ws.loading || !ws.plan)
    return ws.loading ? <Loading /> : <EmptyState>{t('dashboard.noPlan')}</EmptyState>;
  if (evalQ.error) return <ErrorState error={evalQ.error} />;
  if (!evalQ.data) return <Loading />;

  const ev = evalQ.data;
  const indicatorsByCode = new Map((indQ.data?.items ?? []).map((i) => [i.code, i]));
  const behind = ev.indicators
    .filter((i) => BEHIND.has(i.verdict))
    .sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict]);
  const binding = ev.indicators.filter((i) => i.attribute === 'binding');
  const good = ev.indicators.filter(
    (i) => i.verdict === 'achieved' || i.verdict === 'ahead' || i.verdict === 'on_track',
  ).length;
  const noData = ev.indicators.filter(
    (i) => i.verdict === 'no_data' || i.verdict === 'not_assessable',
  ).length;
  const cards = ev.indicators.filter((i) =>
    filter === 'binding' ? i.attribute === 'binding' : filter === 'behind' ? BEHIND.has(i.verdict) : true,
  );
  const linkTo = (i: IndicatorEvaluation) => ev.ids[i.code];

  return (
    <div data-testid="dashboard">
      <div className="page-title">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <Typography.Text type="secondary">
            {ws.plan.shortTitle ?? ws.plan.title} · {t('header.yearValue', { year: ev.year })}
          </Typography.Text>
        </div>
        <MethodSwitch />
      </div>

      <Card size="small" style={{ marginBottom: 16 }}>
        <p className="summary-sentence" data-testid="summary-sentence">
          {pick(ev.summary.sentence)}
        </p>
        {ev.summary.bindingSentence && <p className="muted">{pick(ev.summary.bindingSentence)}</p>}
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('dashboard.total')} value={ev.summary.total} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dashboard.onTrack')}
              value={good}
              styles={{ content: { color: '#0e8a4f' } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dashboard.behind')}
              value={behind.length}
              styles={{ content: { color: '#d54941' } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('dashboard.noData')} value={noData} />
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('dashboard.distribution')} size="small">
            <VerdictDistribution items={ev.indicators} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={t('dashboard.binding', { n: binding.length })}
            size="small"
            data-testid="binding-panel"
          >
            <List
              size="small"
              dataSource={binding}
              locale={{ emptyText: t('dashboard.noBinding') }}
              renderItem={(i) => (
                <List.Item extra={<VerdictTag verdict={i.verdict} />}>
                  {ev.ids[i.code] ? <Link to={`/indicators/${ev.ids[i.code] ?? ''}`}>{i.name}</Link> : i.name}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('dashboard.lagging', { n: behind.length })} size="small" data-testid="lagging-panel">
            {behind.length === 0 ? (
              <EmptyState>{t('dashboard.noLagging')}</EmptyState>
            ) : (
              behind.slice(0, 8).map((i) => (
                <div className="lagging-item" key={i.code}>
                  <Space size={6}>
                    <VerdictTag verdict={i.verdict} />
                    {linkTo(i) ? <Link to={`/indicators/${linkTo(i) ?? ''}`}>{i.name}</Link> : i.name}
                  </Space>
                  <div className="muted">{pick(i.explanation)}</div>
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('dashboard.cards')}
        extra={
          <Segmented<Filter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { label: t('filter.all'), value: 'all' },
              { label: t('filter.binding'), value: 'binding' },
              { label: t('filter.behind'), value: 'behind' },
            ]}
          />
        }
      >
        {cards.length === 0 ? (
          <EmptyState>{t('dashboard.noCards')}</EmptyState>
        ) : (
          <div className="indicator-grid">
            {cards.map((i) => (
              <IndicatorCard
                key={i.code}
                ev={i}
                indicator={indicatorsByCode.get(i.code)}
                series={series.byCode.get(i.code)}
                id={linkTo(i)}
              />
            ))}
          </div>
        )}
      </Card>

      <Suspense fallback={<Loading />}>
        <DashboardLower planId={ws.plan.id} year={ws.year} />
      </Suspense>
    </div>
  );
}
