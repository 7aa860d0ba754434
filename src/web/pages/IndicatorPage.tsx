import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { api, ApiError } from '../lib/api.ts';
import { fmt, pct, withUnit } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import type { IndicatorEvaluation, Observation } from '../lib/types.ts';
import { Assessments } from '../modules/evaluation-cycles/Assessments.tsx';
import { useActualSeries, useEvaluation, useIndicators } from '../modules/evaluation/queries.ts';
import { IndicatorChart } from '../modules/indicator/IndicatorChart.tsx';
import { ApproveButtons } from '../modules/entry/ApproveButtons.tsx';
import { ObservationStatusTag, approverOf } from '../modules/indicator/observations.tsx';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { VerdictTag } from '../ui/verdict.tsx';

function MethodCard({ ev, title }: { ev: IndicatorEvaluation | undefined; title: string }) {
  const { t, pick } = useI18n();
  if (!ev) return <Card size="small" title={title} loading />;
  return (
    <Card
      size="small"
      title={title}
      extra={<VerdictTag verdict={ev.verdict} />}
      data-testid={`method-${ev.method}`}
    >
      <Typography.Paragraph>{pick(ev.explanation)}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        {ev.method === 'time' ? (
          <>
            <Descriptions.Item label={t('ind.expected')}>{withUnit(ev.expected, ev.unit)}</Descriptions.Item>
            <Descriptions.Item label={t('ind.progress')}>
              {pct(ev.progress)} / {t('ind.elapsed')} {pct(ev.elapsed)}
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('ind.ratio')}>{fmt(ev.ratio)}</Descriptions.Item>
        )}
        {ev.requiredRate && (
          <Descriptions.Item label={t('ind.required')}>
            {ev.requiredRate.relative !== null
              ? t('ind.requiredRel', {
                  rate: (ev.requiredRate.relative * 100).toFixed(1),
                  years: ev.requiredRate.years,
                })
              : t('ind.requiredAbs', { v: fmt(ev.requiredRate.absolute), years: ev.requiredRate.years })}
          </Descriptions.Item>
        )}
        {ev.probability && (
          <Descriptions.Item label={t('ind.probability')}>{pct(ev.probability.value)}</Descriptions.Item>
        )}
        {ev.projection && (
          <Descriptions.Item label={t('ind.projection')}>
            {t('chart.projLinear')} {withUnit(ev.projection.linear, ev.unit)} · {t('chart.projCagr')}{' '}
            {withUnit(ev.projection.cagr, ev.unit)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {ev.notes.map((n, i) => (
        <Typography.Paragraph key={i} type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {pick(n)}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}

export default function IndicatorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const ws = useWorkspace();
  const { user } = useSession();
  const planId = ws.plan?.id ?? null;
  const indQ = useIndicators(planId);
  const time = useEvaluation(planId, ws.year, 'time', 'all');
  const trend = useEvaluation(planId, ws.year, 'trend', 'all');
  const years = useMemo(() => ws.years.filter((y) => ws.year !== null && y <= ws.year), [ws.years, ws.year]);
  const series = useActualSeries(planId, years, 'all');
  const obsQ = useQuery({
    queryKey: ['bo', 'observations', id],
    queryFn: ({ signal }) =>
      api<{ items: Observation[] }>(`/api/indicators/${id}/observations`, { signal }).then((r) => r.items),
    enabled: !!user,
  });

  if (indQ.error) return <ErrorState error={indQ.error} />;
  if (!indQ.data) return <Loading />;
  const indicator = indQ.data.items.find((i) => i.id === id);
  if (!indicator) return <ErrorState error={new ApiError(404, 'not_found', t('ind.notInPlan'))} />;
  const evTime = time.data?.indicators.find((i) => i.code === indicator.code);
  const evTrend = trend.data?.indicators.find((i) => i.code === indicator.code);
  const observations = obsQ.data ?? [];
  const approver = user?.role === 'admin' || user?.role === 'assessor';

  return (
    <div data-testid="indicator-page">
      <div className="page-title">
        <div>
          <Typography.Text type="secondary">
            {indicator.code} · {t(`attribute.${indicator.attribute}`)} · {t(`kind.${indicator.kind}`)}
          </Typography.Text>
          <h1>{indicator.name}</h1>
        </div>
        {evTime && <VerdictTag verdict={evTime.verdict} size="large" />}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('ind.chart', { year: ws.year ?? '' })}>
            {evTime ? (
              <IndicatorChart ev={evTime} indicator={indicator} series={series.byCode.get(indicator.code)} />
            ) : (
              <Loading />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('ind.facts')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('ind.unit')}>{indicator.unit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ind.baseline')}>
                {indicator.baseline?.raw ?? '—'}
                {indicator.baselineYear ? `（${indicator.baselineYear}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.target')}>
                {indicator.target?.raw ?? '—'}
                {indicator.targetYear ? `（${indicator.targetYear}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.direction')}>
                {t(`direction.${indicator.direction}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.frequency')}>
                {t(`frequency.${indicator.frequency}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.source')}>{indicator.dataSource ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('plan.departments')}>
                {indicator.departments.map((d) => (
                  <Tag key={d.code} color={d.role === 'lead' ? 'blue' : 'default'}>
                    {d.name}（{t(`deptRole.${d.role}`)}）
                  </Tag>
                ))}
              </Descriptions.Item>
              {indicator.nodeId && (
                <Descriptions.Item label={t('ind.node')}>
                  <Link to={`/plan/${indicator.nodeId}`}>{t('ind.openNode')}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <MethodCard ev={evTime} title={t('method.time')} />
        </Col>
        <Col xs={24} md={12}>
          <MethodCard ev={evTrend} title={t('method.trend')} />
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('ind.values')}>
            {!user ? (
              <EmptyState>{t('ind.loginForValues')}</EmptyState>
            ) : obsQ.error ? (
              <ErrorState error={obsQ.error} />
            ) : (
              <Table<Observation>
                size="small"
                rowKey="id"
                loading={obsQ.isLoading}
                dataSource={observations}
                pagination={false}
                scroll={{ x: true }}
                locale={{ emptyText: t('ind.noValues') }}
                columns={[
                  { title: t('col.period'), dataIndex: 'period' },
                  {
                    title: t('col.value'),
                    render: (_, o) =>
                      o.value !== null ? withUnit(o.value, indicator.unit) : (o.text ?? '—'),
                  },
                  { title: t('col.version'), dataIndex: 'version' },
                  { title: t('col.status'), render: (_, o) => <ObservationStatusTag status={o.status} /> },
                  { title: t('col.approvedBy'), render: (_, o) => approverOf(o) ?? '—' },
                  {
                    title: t('col.note'),
                    render: (_, o) =>
                      [o.note, o.correctionReason, o.returnReason].filter(Boolean).join(' · ') || '—',
                  },
                  ...(approver
                    ? [
                        {
                          title: t('col.actions'),
                          render: (_: unknown, o: Observation) =>
                            o.status === 'submitted' ? (
                              <ApproveButtons observation={o} code={indicator.code} />
                            ) : null,
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('ind.assessments')}>
            {ws.plan && (
              <Assessments
                planId={ws.plan.id}
                indicatorId={indicator.id}
                canSelfAssess={
                  !!user && user.departments.some((d) => indicator.departments.some((x) => x.code === d.code))
                }
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
