import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import { localTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Method, SnapshotSummary } from '../../lib/types.ts';
import { useSession } from '../session/session.tsx';
import type { Scope } from '../evaluation/queries.ts';

type Kind = SnapshotSummary['kind'];
const KINDS: Kind[] = ['annual', 'midterm', 'final'];
const REPORT_FORMATS = ['docx', 'xlsx', 'md', 'pdf'] as const;

/** Report downloads (anyone) and frozen evaluation snapshots (the planning office and assessors freeze them). */
export function ReportsAndSnapshots({
  planId,
  year,
  method,
  scope,
}: {
  planId: string;
  year: number;
  method: Method;
  scope: Scope;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('annual');
  const [withAssessment, setWithAssessment] = useState(false);
  const canFreeze = user?.role === 'admin' || user?.role === 'assessor';
  const list = useQuery({
    queryKey: qk.snapshots(planId),
    queryFn: ({ signal }) =>
      api<{ items: SnapshotSummary[] }>(`/api/evaluations?planId=${planId}`, { signal }).then((r) => r.items),
    enabled: !!user,
  });
  const freeze = useMutation({
    mutationFn: () =>
      api<SnapshotSummary>('/api/evaluations', {
        method: 'POST',
        body: { planId, year, method, kind, scope },
      }),
    onSuccess: () => {
      void message.success(t('snap.frozen'));
      void qc.invalidateQueries({ queryKey: qk.snapshots(planId) });
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });
  const q =
    `year=${year}&kind=${kind}&method=${method}&lang=${lang === 'en' ? 'en' : 'zh'}` +
    (canFreeze && withAssessment ? '&assessment=true' : '');
  return (
    <Card size="small" title={t('snap.title')} style={{ marginBottom: 16 }} data-testid="reports">
      <Space wrap>
        <Select<Kind>
          aria-label={t('snap.kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={KINDS.map((k) => ({ value: k, label: t(`snap.${k}`) }))}
        />
        {canFreeze && (
          <Checkbox checked={withAssessment} onChange={(e) => setWithAssessment(e.target.checked)}>
            {t('snap.withAssessment')}
          </Checkbox>
        )}
        {REPORT_FORMATS.map((f) => (
          <Button key={f} href={`/api/plans/${planId}/report.${f}?${q}`} download>
            {t('snap.download', { format: f })}
          </Button>
        ))}
        {canFreeze && (
          <Button type="primary" loading={freeze.isPending} onClick={() => freeze.mutate()}>
            {t('snap.freeze', { year })}
          </Button>
        )}
      </Space>
      {user ? (
        <Table<SnapshotSummary>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: t('snap.none') }}
          columns={[
            { title: t('snap.created'), render: (_, s) => localTime(s.createdAt, lang) },
            { title: t('header.year'), dataIndex: 'year' },
            { title: t('snap.kind'), render: (_, s) => t(`snap.${s.kind}`) },
            { title: t('method.label'), render: (_, s) => t(`method.${s.method}`) },
            { title: t('snap.engine'), dataIndex: 'engineVersion' },
            { title: t('snap.by'), render: (_, s) => s.createdByEmail ?? '—' },
            {
              title: t('snap.reports'),
              render: (_, s) => (
                <Space size={4} wrap data-testid="snapshot-downloads">
                  {REPORT_FORMATS.map((f) => (
                    <Button
                      key={f}
                      size="small"
                      href={`/api/evaluations/${s.id}/report.${f}?lang=${lang === 'en' ? 'en' : 'zh'}`}
                      download
                      aria-label={t('snap.downloadSnapshot', {
                        year: s.year,
                        kind: t(`snap.${s.kind}`),
                        format: f,
                      })}
                    >
                      .{f}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('snap.loginToSee')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
