import { Card, Descriptions, Typography } from 'antd';
import { fmt, pct, withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { IndicatorEvaluation } from '../../lib/types.ts';
import { VerdictTag } from '../../ui/verdict.tsx';
import { requiredRate } from './model.ts';

/** One method's verdict with the figures behind it and the engine's notes. */
export function MethodCard({ ev, title }: { ev: IndicatorEvaluation | undefined; title: string }) {
  const { t, pick } = useI18n();
  if (!ev) return <Card size="small" title={title} loading />;
  return (
    <Card
      size="small"
      title={title}
      extra={<VerdictTag verdict={ev.verdict} unreportedYear={ev.unreportedYear} />}
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
            {(() => {
              const r = requiredRate(ev.requiredRate);
              return r.key === 'ind.requiredRel'
                ? t(r.key, { rate: r.rate, years: r.years })
                : t(r.key, { v: r.v, years: r.years });
            })()}
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
