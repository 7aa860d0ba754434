import { Card, Col, Row, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { IndicatorCards } from '../modules/dashboard/IndicatorCards.tsx';
import { PlanHandover } from '../modules/dashboard/PlanHandover.tsx';
import { SummaryCard } from '../modules/dashboard/SummaryCard.tsx';
import { VerdictDistribution } from '../modules/dashboard/VerdictDistribution.tsx';
import { BindingPanel, LaggingPanel } from '../modules/dashboard/VerdictPanels.tsx';
import { useEvaluation } from '../modules/evaluation/queries.ts';
import { WarningsPanel } from '../modules/supervision/WarningsPanel.tsx';
import { MethodSwitch } from '../modules/workspace/MethodSwitch.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

/** Below the fold (map, task roll-up, projects): its own chunk, so the table and the map code load after the cards. */
const DashboardLower = lazy(() => import('../modules/dashboard/DashboardLower.tsx'));

export function DashboardPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const evalQ = useEvaluation(ws.plan?.id ?? null, ws.year, ws.method);

  if (ws.error) return <ErrorState error={ws.error} />;
  if (ws.loading || !ws.plan)
    return ws.loading ? <Loading /> : <EmptyState>{t('dashboard.noPlan')}</EmptyState>;
  if (evalQ.error) return <ErrorState error={evalQ.error} />;
  if (!evalQ.data) return <Loading />;
  const ev = evalQ.data;
  // a plan's first year: the plan it follows, at its end, beside it (the 14th's final results beside the 15th's 2026)
  const predecessor =
    ev.year === ws.plan.periodStart ? (ws.plans.find((p) => p.id === ws.plan?.predecessorId) ?? null) : null;

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
      <SummaryCard ev={ev} />
      {predecessor && <PlanHandover plan={ws.plan} predecessor={predecessor} />}
      {/* Three panels from 1200 px; below that two, so the pie keeps room for its labels (at 1024 a third of the
          row left ~60 px beside the ring). */}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Card title={t('dashboard.distribution')} size="small" data-testid="verdict-distribution">
            <VerdictDistribution items={ev.indicators} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <BindingPanel ev={ev} />
        </Col>
        <Col xs={24} xl={8}>
          <LaggingPanel ev={ev} />
        </Col>
      </Row>
      <WarningsPanel planId={ws.plan.id} />
      <IndicatorCards ev={ev} planId={ws.plan.id} />
      <Suspense fallback={<Loading />}>
        <DashboardLower planId={ws.plan.id} year={ws.year} />
      </Suspense>
    </div>
  );
}
