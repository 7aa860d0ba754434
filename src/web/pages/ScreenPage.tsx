import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.tsx';
import { BEHIND } from '../lib/types.ts';
import { SEVERITY } from '../modules/dashboard/model.ts';
import { VerdictDistribution } from '../modules/dashboard/VerdictDistribution.tsx';
import { useEvaluation } from '../modules/evaluation/queries.ts';
import { LayoutMap } from '../modules/map/LayoutMap.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useVerdictLabel, VERDICT_COLOR } from '../ui/verdict.tsx';

const REFRESH_MS = 60_000;
const ROTATE_MS = 8_000;

/** 大屏: the overview for a 1920×1080 wall — dark, large type, refreshes every minute, rotates the lagging items. */
export default function ScreenPage() {
  const { t, pick } = useI18n();
  const label = useVerdictLabel();
  const ws = useWorkspace();
  const q = useEvaluation(ws.plan?.id ?? null, ws.year, ws.method, 'table', { refetchInterval: REFRESH_MS });
  const projectsQ = useProjects(ws.plan?.id ?? null);
  const [focus, setFocus] = useState(0);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => {
      setFocus((f) => f + 1);
      setNow(new Date());
    }, ROTATE_MS);
    return () => window.clearInterval(id);
  }, []);

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
  const behind = ev.indicators
    .filter((i) => BEHIND.has(i.verdict))
    .sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict]);
  const good = ev.indicators.filter((i) => ['achieved', 'ahead', 'on_track'].includes(i.verdict)).length;
  const binding = ev.indicators.filter((i) => i.attribute === 'binding');
  const shown =
    behind.length > 0
      ? [0, 1, 2].map((k) => behind[(focus + k) % behind.length]).filter((x, i, a) => x && a.indexOf(x) === i)
      : [];
  const kpis = [
    { v: ev.summary.total, l: t('dashboard.total') },
    { v: good, l: t('dashboard.onTrack') },
    { v: behind.length, l: t('dashboard.behind') },
    { v: binding.length, l: t('screen.binding') },
  ];

  return (
    <main className="screen" data-testid="screen">
      <Space style={{ position: 'absolute', right: 24, top: 16 }}>
        <span className="muted">{now.toLocaleTimeString()}</span>
        <Button size="small" ghost onClick={() => navigate('/')}>
          {t('screen.exit')}
        </Button>
      </Space>
      <h1>{t('screen.title')}</h1>
      <div className="screen-sub">
        {ws.plan.shortTitle ?? ws.plan.title} · {t('header.yearValue', { year: ev.year })} ·{' '}
        {t(`method.${ev.method}`)}
      </div>
      <div className="screen-kpis">
        {kpis.map((k) => (
          <div className="screen-kpi screen-panel" key={k.l}>
            <div className="v">{k.v}</div>
            <div className="l">{k.l}</div>
          </div>
        ))}
      </div>
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
          <h2>{t('dashboard.lagging', { n: behind.length })}</h2>
          {shown.length === 0 && <p>{t('dashboard.noLagging')}</p>}
          {shown.map((i, k) =>
            i ? (
              <div key={i.code} className={`screen-focus${k === 0 ? ' active' : ''}`}>
                <div className="n">{i.name}</div>
                <div style={{ color: VERDICT_COLOR[i.verdict] }}>{label(i.verdict)}</div>
                <div>{pick(i.explanation)}</div>
              </div>
            ) : null,
          )}
          <h2 style={{ marginTop: 16 }}>{t('dashboard.binding', { n: binding.length })}</h2>
          <ul className="screen-list">
            {binding.map((i) => (
              <li key={i.code}>
                <span>{i.name}</span>
                <span style={{ color: VERDICT_COLOR[i.verdict] }}>{label(i.verdict)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
