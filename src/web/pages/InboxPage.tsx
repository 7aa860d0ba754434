import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../lib/api.ts';
import { fmt } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import type { InboxItem } from '../lib/types.ts';
import { useObservationActions } from '../modules/entry/mutations.ts';
import { useSession } from '../modules/session/session.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

const TYPE_COLOR: Record<InboxItem['type'], string> = { fill: 'blue', submit: 'gold', approve: 'purple', returned: 'red' };

export default function InboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, loading } = useSession();
  const q = useQuery({
    queryKey: ['bo', 'inbox'],
    queryFn: ({ signal }) => api<{ items: InboxItem[] }>('/api/inbox', { signal }),
    enabled: !!user,
  });
  const { approve, giveBack, submit } = useObservationActions();
  const [returning, setReturning] = useState<InboxItem | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  if (loading) return <Loading />;
  if (!user) {
    return (
      <Card>
        <EmptyState>
          {t('entry.loginFirst')} <Button onClick={() => navigate('/login?next=/inbox')}>{t('auth.login')}</Button>
        </EmptyState>
      </Card>
    );
  }
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;

  const run = async (key: string, fn: () => Promise<unknown>, ok: string) => {
    setBusy(key);
    try {
      await fn();
      void message.success(ok);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <div className="page-title">
        <h1>{t('inbox.title')}</h1>
      </div>
      <Card size="small">
        <Table<InboxItem>
          data-testid="inbox"
          size="small"
          rowKey={(i) => `${i.type}-${i.indicatorId}-${i.period}-${i.observationId ?? ''}`}
          dataSource={q.data.items}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('inbox.empty') }}
          rowClassName={(i) => (i.overdue ? 'overdue' : '')}
          columns={[
            { title: t('inbox.type'), width: 100, render: (_, i) => <Tag color={TYPE_COLOR[i.type]}>{t(`inbox.${i.type}`)}</Tag> },
            { title: t('col.code'), dataIndex: 'code', width: 80 },
            { title: t('col.name'), render: (_, i) => <Link to={`/indicators/${i.indicatorId}`}>{i.name}</Link> },
            { title: t('col.period'), dataIndex: 'period', width: 80 },
            { title: t('col.value'), width: 100, render: (_, i) => (i.value !== undefined && i.value !== null ? fmt(i.value) : '—') },
            {
              title: t('inbox.due'),
              width: 150,
              render: (_, i) => (
                <Space size={4}>
                  <span>{i.due ? i.due.slice(0, 10) : '—'}</span>
                  {i.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('col.actions'),
              width: 220,
              render: (_, i) => {
                const id = i.observationId;
                const key = `${i.type}-${id ?? i.indicatorId}`;
                if (i.type === 'approve' && id)
                  return (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        data-testid={`approve-${i.code}`}
                        loading={busy === key}
                        onClick={() => void run(key, () => approve.mutateAsync(id), t('inbox.approved', { code: i.code }))}
                      >
                        {t('inbox.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => setReturning(i)}>
                        {t('inbox.return')}
                      </Button>
                    </Space>
                  );
                if (i.type === 'submit' && id)
                  return (
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === key}
                      onClick={() => void run(key, () => submit.mutateAsync(id), t('entry.submitted', { code: i.code }))}
                    >
                      {t('entry.submit')}
                    </Button>
                  );
                return <Link to="/entry">{t('inbox.goFill')}</Link>;
              },
            },
          ]}
        />
      </Card>
      <Modal
        open={!!returning}
        title={t('inbox.returnTitle', { code: returning?.code ?? '' })}
        okText={t('inbox.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        onCancel={() => setReturning(null)}
        onOk={() => {
          const item = returning;
          const id = item?.observationId;
          if (!item || !id) return;
          void run(`return-${id}`, () => giveBack.mutateAsync({ id, reason: reason.trim() }), t('inbox.returnedDone', { code: item.code })).then(() => {
            setReturning(null);
            setReason('');
          });
        }}
      >
        <Input.TextArea
          aria-label={t('inbox.reason')}
          placeholder={t('inbox.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
      </Modal>
    </div>
  );
}
