import { Button, Space } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.tsx';
import { VerdictDistribution } from '../modules/dashboard/VerdictDistribution.tsx';
import { useEvaluation } from '../modules/evaluation/queries.ts';
import { LayoutMap } from '../modules/map/LayoutMap.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { ScreenAttention, ScreenClock, ScreenKpis } from '../modules/screen/ScreenPanels.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

const REFRESH_MS = 60_000;

/** 大屏: the overview for a 1920×1080 wall — dark, large type, refreshes every minute, rotates the lagging items. */
export default function ScreenPage() {
  const { t, pick } = useI18n();
  const ws = useWorkspace();
  const q = useEvaluation(ws.plan?.id ?? null, ws.year, ws.method, 'table', { refetchInterval: REFRESH_MS });
  const projectsQ = useProjects(ws.plan?.id ?? null);

  if (q.error)
    return (
      <div className="screen">
        <ErrorState error={q.error} />
      </div>
    );
  if (!q.data || !ws.plan)
    return (
      <div className="screen">
        <Loading />
      </div>
    );
  const ev = q.data;
  return (
    <main className="screen" data-testid="screen">
      <Space style={{ position: 'absolute', right: 24, top: 16 }}>
        <ScreenClock />
        <Button size="small" ghost onClick={() => navigate('/')}>
          {t('screen.exit')}
        </Button>
      </Space>
      <h1>{t('screen.title')}</h1>
      <div className="screen-sub">
        {ws.plan.shortTitle ?? ws.plan.title} · {t('header.yearValue', { year: ev.year })} ·{' '}
        {t(`method.${ev.method}`)}
      </div>
      <ScreenKpis ev={ev} />
      <div className="screen-grid">
        <section className="screen-panel">
          <h2>{t('dashboard.distribution')}</h2>
          <VerdictDistribution items={ev.indicators} height={460} dark />
          <p>{pick(ev.summary.sentence)}</p>
        </section>
        <section className="screen-panel">
          <h2>{t('dashboard.map')}</h2>
          <LayoutMap height={640} dark projects={projectsQ.data} />
        </section>
        <section className="screen-panel">
          <ScreenAttention ev={ev} />
        </section>
      </div>
    </main>
  );
}
