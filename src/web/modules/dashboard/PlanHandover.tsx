import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Table, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { IndicatorEvaluation, PlanContinuity, PlanSummary } from '../../lib/types.ts';
import { VerdictTag } from '../../ui/verdict.tsx';
import { useEvaluation } from '../evaluation/queries.ts';
import { VerdictDistribution } from './VerdictDistribution.tsx';

/**
 * A plan that follows another (the 15th after the 14th, issue 15 §6): the predecessor's final judgement beside
 * this plan's first year, with the indicators that continue from one to the other side by side.
 */
export function PlanHandover({ plan, predecessor }: { plan: PlanSummary; predecessor: PlanSummary }) {
  const { t, pick } = useI18n();
  const finalQ = useEvaluation(predecessor.id, predecessor.periodEnd, 'time', 'all');
  const firstQ = useEvaluation(plan.id, plan.periodStart, 'time', 'all');
  const continuity = useQuery({
    queryKey: ['continuity', plan.id],
    queryFn: ({ signal }) => api<PlanContinuity>(`/api/plans/${plan.id}/continuity`, { signal }),
    staleTime: 60_000,
  });
  const fin = finalQ.data;
  const first = firstQ.data;
  if (!fin || !first) return null;
  const finalBy = new Map(fin.indicators.map((i) => [i.code, i]));
  const firstBy = new Map(first.indicators.map((i) => [i.code, i]));
  const rows = (continuity.data?.linked ?? []).map((l) => ({
    key: l.code,
    name: l.name,
    before: finalBy.get(l.predecessorCode),
    after: firstBy.get(l.code),
  }));
  const value = (i: IndicatorEvaluation | undefined) =>
    i && i.actual !== null ? `${fmt(i.actual)}${i.unit ?? ''}` : t('handover.none');
  const title = (p: PlanSummary) => p.shortTitle ?? p.title;
  return (
    <Card size="small" title={t('handover.title')} style={{ marginBottom: 16 }} data-testid="plan-handover">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} data-testid="handover-final">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('handover.final', { title: title(predecessor), year: predecessor.periodEnd })}
          </Typography.Title>
          <Typography.Paragraph>{pick(fin.summary.sentence)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{pick(fin.summary.judgement.sentence)}</Typography.Paragraph>
          <VerdictDistribution items={fin.indicators} />
        </Col>
        <Col xs={24} md={12} data-testid="handover-first">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('handover.first', { title: title(plan), year: plan.periodStart })}
          </Typography.Title>
          <Typography.Paragraph>{pick(first.summary.sentence)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {pick(first.summary.judgement.sentence)}
          </Typography.Paragraph>
          <VerdictDistribution items={first.indicators} />
        </Col>
      </Row>
      {rows.length > 0 && (
        <Table
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={rows}
          scroll={{ x: 640 }}
          title={() => t('handover.linked')}
          columns={[
            { title: t('col.name'), dataIndex: 'name' },
            {
              title: `${title(predecessor)} ${t('handover.finalValue')}`,
              render: (_, r) => value(r.before),
            },
            {
              title: `${title(predecessor)} ${predecessor.periodEnd}`,
              render: (_, r) => (r.before ? <VerdictTag verdict={r.before.verdict} /> : '—'),
            },
            { title: `${title(plan)} ${t('handover.firstValue')}`, render: (_, r) => value(r.after) },
            {
              title: `${title(plan)} ${plan.periodStart}`,
              render: (_, r) => (r.after ? <VerdictTag verdict={r.after.verdict} /> : '—'),
            },
          ]}
        />
      )}
    </Card>
  );
}
