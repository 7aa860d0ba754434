import { Card, Collapse, Descriptions, Space, Typography } from 'antd';
import { localTime, withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Indicator, Observation } from '../../lib/types.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { ObservationStatusTag } from '../observations/ObservationStatusTag.tsx';
import { useIndicatorObservations } from '../observations/queries.ts';
import { useSession } from '../session/session.tsx';
import { valueRecords, type Revision } from './revisions.ts';

type Provenance = Observation['provenance'];

const sameSource = (a: Provenance, b: Provenance) =>
  a.kind === b.kind && a.title === b.title && a.url === b.url && a.quote === b.quote;

/** The publication a value was taken from, as stored: title (linked), the figure as printed, date, 口径. */
function SourceDetails({ p }: { p: Provenance }) {
  const { t } = useI18n();
  const title = p.title ?? t('prov.noTitle');
  return (
    <Descriptions size="small" column={1} className="provenance-source">
      <Descriptions.Item label={t('prov.kind')}>{t(`src.${p.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('prov.source')}>
        {p.url !== null && /^https?:\/\//.test(p.url) ? (
          <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
            {title}
          </a>
        ) : (
          title
        )}
      </Descriptions.Item>
      {p.quote !== null && <Descriptions.Item label={t('prov.quote')}>{p.quote}</Descriptions.Item>}
      {p.releasedOn !== null && (
        <Descriptions.Item label={t('prov.released')}>{p.releasedOn}</Descriptions.Item>
      )}
      {p.basis !== null && <Descriptions.Item label={t('prov.basis')}>{p.basis}</Descriptions.Item>}
      {p.enteredBy !== null && (
        <Descriptions.Item label={t('prov.enteredBy')}>{p.enteredBy}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One version: its value and what it replaced, the reasons, and who entered, submitted and approved it when. */
function RevisionItem({ r, unit, latest }: { r: Revision; unit: string | null; latest: Provenance }) {
  const { t, lang } = useI18n();
  const o = r.observation;
  const shown = (x: Observation) => (x.value !== null ? withUnit(x.value, unit) : (x.text ?? '—'));
  const step = (label: string, who: string | null, at: string | null) =>
    at === null ? null : (
      <div>{t('prov.step', { step: label, who: who ?? t('prov.noUser'), at: localTime(at, lang) })}</div>
    );
  return (
    <li data-version={o.version} className="provenance-revision">
      <Space wrap size={8}>
        <Typography.Text strong>{t('prov.version', { n: o.version })}</Typography.Text>
        <span>{shown(o)}</span>
        {r.previous !== null && (
          <Typography.Text type="secondary">
            {r.changed
              ? t('prov.was', { value: shown(r.previous) })
              : t('prov.unchanged', { n: r.previous.version })}
          </Typography.Text>
        )}
        <ObservationStatusTag status={o.status} />
      </Space>
      {o.correctionReason && <div>{t('prov.correction', { text: o.correctionReason })}</div>}
      {o.returnReason && <div>{t('prov.returned', { text: o.returnReason })}</div>}
      {o.note && <div>{t('prov.note', { text: o.note })}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {step(t('prov.created'), o.createdByEmail, o.createdAt)}
        {step(t('prov.submitted'), o.submittedByEmail, o.submittedAt)}
        {step(t('prov.approved'), o.approvedByEmail, o.approvedAt)}
      </Typography.Text>
      {!sameSource(o.provenance, latest) && <SourceDetails p={o.provenance} />}
    </li>
  );
}

/**
 * Where each value comes from (issue 17): per period, the source as stored, every version with what it changed
 * and why, and who entered, submitted and approved it, in Beijing time (said so). Logged-in users only, like
 * the values themselves.
 */
export function ValueProvenance({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const { user } = useSession();
  const obsQ = useIndicatorObservations(indicator.id, !!user);
  if (!user) return null;
  const records = valueRecords(obsQ.data ?? []);
  return (
    <Card size="small" title={t('prov.title')} data-testid="provenance">
      {obsQ.error ? (
        <ErrorState error={obsQ.error} />
      ) : obsQ.isLoading ? (
        <Loading />
      ) : records.length === 0 ? (
        <EmptyState>{t('ind.noValues')}</EmptyState>
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={records[0]?.key}
          items={records.map((rec) => ({
            key: rec.key,
            label: (
              <span data-period={rec.period}>
                {t('prov.header', {
                  period: rec.period,
                  value:
                    rec.latest.value !== null
                      ? withUnit(rec.latest.value, indicator.unit)
                      : (rec.latest.text ?? '—'),
                  n: rec.revisions.length,
                })}
                {rec.kind === 'assigned' ? ` · ${t('prov.assigned')}` : ''}
              </span>
            ),
            children: (
              <div data-testid={`provenance-${rec.period}-${rec.kind}`}>
                <SourceDetails p={rec.latest.provenance} />
                <Typography.Text strong>{t('prov.revisions')}</Typography.Text>
                <ol className="provenance-revisions">
                  {rec.revisions.map((r) => (
                    <RevisionItem
                      key={r.observation.id}
                      r={r}
                      unit={indicator.unit}
                      latest={rec.latest.provenance}
                    />
                  ))}
                </ol>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
