import { Card, Col, Row, Typography } from 'antd';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Assessments } from '../modules/evaluation-cycles/Assessments.tsx';
import { useEvaluation, useIndicators, useSeries } from '../modules/evaluation/queries.ts';
import { IndicatorChart } from '../modules/indicator/IndicatorChart.tsx';
import { IndicatorFacts } from '../modules/indicator/IndicatorFacts.tsx';
import { JudgementCard } from '../modules/indicator/JudgementCard.tsx';
import { LineageCard } from '../modules/indicator/LineageCard.tsx';
import { MethodCard } from '../modules/indicator/MethodCard.tsx';
import { ValueHistory } from '../modules/indicator/ValueHistory.tsx';
import { ValueProvenance } from '../modules/indicator/ValueProvenance.tsx';
import { useSession } from '../modules/session/session.tsx';
import { SubjectSupervision } from '../modules/supervision/SubjectSupervision.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { VerdictTag } from '../ui/verdict.tsx';

export default function IndicatorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const ws = useWorkspace();
  const { user } = useSession();
  const planId = ws.plan?.id ?? null;
  const indQ = useIndicators(planId);
  const time = useEvaluation(planId, ws.year, 'time', 'all');
  const trend = useEvaluation(planId, ws.year, 'trend', 'all');
  const series = useSeries(planId, ws.year, 'all');

  if (indQ.error) return <ErrorState error={indQ.error} />;
  if (!indQ.data) return <Loading />;
  const indicator = indQ.data.items.find((i) => i.id === id);
  if (!indicator) return <ErrorState error={new ApiError(404, 'not_found', t('ind.notInPlan'))} />;
  const evTime = time.data?.indicators.find((i) => i.code === indicator.code);
  const evTrend = trend.data?.indicators.find((i) => i.code === indicator.code);

  return (
    <div data-testid="indicator-page">
      <div className="page-title">
        <div>
          <Typography.Text type="secondary">
            {indicator.code} · {t(`attribute.${indicator.attribute}`)} · {t(`kind.${indicator.kind}`)}
          </Typography.Text>
          <h1>{indicator.name}</h1>
        </div>
        {evTime && (
          <VerdictTag verdict={evTime.verdict} size="large" unreportedYear={evTime.unreportedYear} />
        )}
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
          <IndicatorFacts indicator={indicator} />
        </Col>
        <Col xs={24}>
          <JudgementCard ev={evTime} />
        </Col>
        <Col xs={24} md={12}>
          <MethodCard ev={evTime} title={t('method.time')} />
        </Col>
        <Col xs={24} md={12}>
          <MethodCard ev={evTrend} title={t('method.trend')} />
        </Col>
        <Col xs={24}>
          <LineageCard indicatorId={indicator.id} />
        </Col>
        <Col xs={24}>
          <ValueHistory indicator={indicator} />
        </Col>
        <Col xs={24}>
          <ValueProvenance indicator={indicator} />
        </Col>
        <Col xs={24}>
          <SubjectSupervision
            planId={planId}
            subjectType="indicator"
            subjectId={indicator.id}
            subjectTitle={`${indicator.code} ${indicator.name}`}
          />
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
