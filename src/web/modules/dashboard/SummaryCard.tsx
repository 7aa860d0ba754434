import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { isBehind, isGood, isUnjudged } from '../../lib/rules.ts';
import type { PlanEvaluation } from '../../lib/types.ts';

/** The summary sentence and the four counts above the dashboard. */
export function SummaryCard({ ev }: { ev: PlanEvaluation }) {
  const { t, pick } = useI18n();
  const count = (f: (v: PlanEvaluation['indicators'][number]['verdict']) => boolean) =>
    ev.indicators.filter((i) => f(i.verdict)).length;
  return (
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
            value={count(isGood)}
            styles={{ content: { color: '#0e8a4f' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('dashboard.behind')}
            value={count(isBehind)}
            styles={{ content: { color: '#d54941' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dashboard.noData')} value={count(isUnjudged)} />
        </Col>
      </Row>
    </Card>
  );
}
