import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { isGood } from '../../lib/rules.ts';
import type { PlanEvaluation } from '../../lib/types.ts';
import { useVerdictLabel, VERDICT_COLOR } from '../../ui/verdict.tsx';
import { behindFirst } from '../dashboard/model.ts';

const ROTATE_MS = 8_000;

/** A counter that moves every `ms` (the wall display's rotation and clock). */
function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setTick((f) => f + 1), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return tick;
}

export function ScreenClock() {
  useTick(ROTATE_MS);
  return <span className="muted">{new Date().toLocaleTimeString()}</span>;
}

export function ScreenKpis({ ev }: { ev: PlanEvaluation }) {
  const { t } = useI18n();
  const kpis = [
    { v: ev.summary.total, l: t('dashboard.total') },
    { v: ev.indicators.filter((i) => isGood(i.verdict)).length, l: t('dashboard.onTrack') },
    { v: behindFirst(ev.indicators).length, l: t('dashboard.behind') },
    { v: ev.indicators.filter((i) => i.attribute === 'binding').length, l: t('screen.binding') },
  ];
  return (
    <div className="screen-kpis">
      {kpis.map((k) => (
        <div className="screen-kpi screen-panel" key={k.l}>
          <div className="v">{k.v}</div>
          <div className="l">{k.l}</div>
        </div>
      ))}
    </div>
  );
}

/** Three lagging indicators at a time, rotating, then every binding indicator with its verdict. */
export function ScreenAttention({ ev }: { ev: PlanEvaluation }) {
  const { t, pick } = useI18n();
  const label = useVerdictLabel();
  const focus = useTick(ROTATE_MS);
  const behind = behindFirst(ev.indicators);
  const binding = ev.indicators.filter((i) => i.attribute === 'binding');
  const shown =
    behind.length > 0
      ? [0, 1, 2].map((k) => behind[(focus + k) % behind.length]).filter((x, i, a) => x && a.indexOf(x) === i)
      : [];
  return (
    <>
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
            <span className="name" title={i.name}>
              {i.name}
            </span>
            <span className="verdict" style={{ color: VERDICT_COLOR[i.verdict] }}>
              {label(i.verdict)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
