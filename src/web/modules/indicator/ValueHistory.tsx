import { Card } from 'antd';
import { withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Indicator, Observation } from '../../lib/types.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { ApproveButtons } from '../observations/ApproveButtons.tsx';
import { ObservationStatusTag, approverOf } from '../observations/ObservationStatusTag.tsx';
import { useIndicatorObservations } from '../observations/queries.ts';
import { useSession } from '../session/session.tsx';

/** Where a value comes from: published statistics (linked, with release date and 口径) or who entered it. */
function SourceCell({ observation: o }: { observation: Observation }) {
  const { t } = useI18n();
  const p = o.provenance;
  const label = [t(`src.${p.kind}`), p.title].filter(Boolean).join(' · ');
  return (
    <span>
      {p.url !== null && /^https?:\/\//.test(p.url) ? (
        <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
          {label}
        </a>
      ) : (
        label
      )}
      {p.releasedOn !== null ? ` · ${t('src.released', { date: p.releasedOn })}` : ''}
      {p.basis !== null ? <div style={{ fontSize: 12, opacity: 0.75 }}>{p.basis}</div> : null}
    </span>
  );
}

/** Every value and version of the indicator, with who approved it; approvers act on submitted ones. */
export function ValueHistory({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const { user } = useSession();
  const obsQ = useIndicatorObservations(indicator.id, !!user);
  const approver = user?.role === 'admin' || user?.role === 'assessor';
  return (
    <Card size="small" title={t('ind.values')}>
      {!user ? (
        <EmptyState>{t('ind.loginForValues')}</EmptyState>
      ) : (
        <ListTable<Observation>
          error={obsQ.error}
          loading={obsQ.isLoading}
          dataSource={obsQ.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('ind.noValues') }}
          columns={[
            { title: t('col.period'), dataIndex: 'period' },
            {
              title: t('col.value'),
              render: (_, o) => (o.value !== null ? withUnit(o.value, indicator.unit) : (o.text ?? '—')),
            },
            { title: t('col.version'), dataIndex: 'version' },
            { title: t('col.status'), render: (_, o) => <ObservationStatusTag status={o.status} /> },
            { title: t('col.approvedBy'), render: (_, o) => approverOf(o) ?? '—' },
            { title: t('col.source'), render: (_, o) => <SourceCell observation={o} /> },
            {
              title: t('col.note'),
              render: (_, o) =>
                [o.note, o.correctionReason, o.returnReason].filter(Boolean).join(' · ') || '—',
            },
            ...(approver
              ? [
                  {
                    title: t('col.actions'),
                    render: (_: unknown, o: Observation) =>
                      o.status === 'submitted' ? (
                        <ApproveButtons observation={o} code={indicator.code} />
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
