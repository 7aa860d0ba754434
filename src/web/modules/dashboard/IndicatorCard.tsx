import { Card, Tooltip } from 'antd';
import { withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { targetIsAverageRate } from '../../lib/rules.ts';
import type { Indicator, IndicatorEvaluation } from '../../lib/types.ts';
import { Sparkline } from '../../ui/Sparkline.tsx';
import { VERDICT_COLOR, VerdictTag } from '../../ui/verdict.tsx';
import type { SeriesPoint } from '../evaluation/queries.ts';
import { expectedPath, seriesWithBaseline } from './model.ts';

export function IndicatorCard({
  ev,
  indicator,
  series,
  id,
}: {
  ev: IndicatorEvaluation;
  indicator: Indicator | undefined;
  series: SeriesPoint[] | undefined;
  id: string | undefined;
}) {
  const { t, pick } = useI18n();
  const pts = seriesWithBaseline(ev, indicator, series);
  const path = expectedPath(ev, indicator);
  const body = (
    <Card size="small" className="indicator-card" hoverable={!!id} data-code={ev.code}>
      <div className="code">
        {ev.code} · {t(`attribute.${ev.attribute}`)}
      </div>
      <div className="name">{ev.name}</div>
      <Tooltip title={pick(ev.explanation)}>
        <span>
          <VerdictTag verdict={ev.verdict} unreportedYear={ev.unreportedYear} />
        </span>
      </Tooltip>
      <Sparkline
        points={pts}
        path={path}
        target={targetIsAverageRate(ev.kind) ? ev.target : null}
        color={VERDICT_COLOR[ev.verdict]}
        width={210}
        height={44}
        label={t('card.sparkLabel', { name: ev.name })}
      />
      <div className="numbers">
        <span>
          {t('card.actual')} {ev.actual !== null ? withUnit(ev.actual, ev.unit) : (ev.actualText ?? '—')}
        </span>
        <span>
          {t('card.target')} {ev.targetRaw ?? withUnit(ev.target, ev.unit)}
        </span>
      </div>
    </Card>
  );
  return id ? (
    <Link to={`/indicators/${id}`} aria-label={`${ev.code} ${ev.name}`}>
      {body}
    </Link>
  ) : (
    body
  );
}
