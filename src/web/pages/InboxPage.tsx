import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../lib/api.ts';
import { fmt } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import type { InboxItem, Observation, OverdueMilestones as OverdueList } from '../lib/types.ts';
import { ApproveButtons } from '../modules/entry/ApproveButtons.tsx';
import { useObservationActions } from '../modules/entry/mutations.ts';
import { useIndicators } from '../modules/evaluation/queries.ts';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

const TYPE_COLOR: Record<InboxItem['type'], string> = {
  fill: 'blue',
  submit: 'gold',
  approve: 'purple',
  returned: 'red',
};

/**
 * Until the server has /api/inbox, approvers get the submitted values of the selected plan, read from each
 * indicator's value list.
 */
function useSubmittedFallback(enabled: boolean): { items: InboxItem[]; loading: boolean } {
  const ws = useWorkspace();
  const ind = useIndicators(enabled ? (ws.plan?.id ?? null) : null);
  const list = enabled ? (ind.data?.items ?? []) : [];
  const qs = useQueries({
    queries: list.map((i) => ({
      queryKey: ['bo', 'observations', i.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ items: Observation[] }>(`/api/indicators/${i.id}/observations`, { signal }).then(
          (r) => r.items,
        ),
    })),
  });
  const items: InboxItem[] = [];
  list.forEach((i, k) => {
    for (const o of qs[k]?.data ?? []) {
      if (o.status !== 'submitted') continue;
      items.push({
        type: 'approve',
        planId: ws.plan?.id ?? '',
        indicatorId: i.id,
        code: i.code,
        name: i.name,
        period: o.period,
        due: '',
        overdue: false,
        observationId: o.id,
        value: o.value,
      });
    }
  });
  return { items, loading: ind.isLoading || qs.some((q) => q.isLoading) };
}

export default function InboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  const q = useQuery({
    queryKey: ['bo', 'inbox'],
    queryFn: ({ signal }) => api<{ items: InboxItem[] }>('/api/inbox', { signal }),
    enabled: !!user,
  });
  const noInboxApi = q.error instanceof ApiError && q.error.status === 404;
  const approver = user?.role === 'admin' || user?.role === 'assessor';
  const fallback = useSubmittedFallback(noInboxApi && approver);
  const { submit } = useObservationActions();
  const [busy, setBusy] = useState<string | null>(null);

  if (loading) return <Loading />;
  if (!user) {
    return (
      <Card>
        <EmptyState>
          {t('entry.loginFirst')}{' '}
          <Button onClick={() => navigate('/login?next=/inbox')}>{t('auth.login')}</Button>
        </EmptyState>
      </Card>
    );
  }
  if (q.error && !noInboxApi) return <ErrorState error={q.error} />;
  const planId = ws.plan?.id;
  const items = noInboxApi ? fallback.items : q.data?.items.filter((i) => i.planId === planId);
  if (!items || (noInboxApi && fallback.loading)) return <Loading />;

  const submitOne = async (key: string, id: string, code: string) => {
    setBusy(key);
    try {
      await submit.mutateAsync(id);
      void message.success(t('entry.submitted', { code }));
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
      {noInboxApi && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={approver ? t('inbox.fallbackApprover') : t('inbox.fallbackDepartment')}
        />
      )}
      <Card size="small">
        <Table<InboxItem>
          data-testid="inbox"
          size="small"
          rowKey={(i) => `${i.type}-${i.indicatorId}-${i.period}-${i.observationId ?? ''}`}
          dataSource={items}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('inbox.empty') }}
          columns={[
            {
              title: t('inbox.type'),
              width: 100,
              render: (_, i) => <Tag color={TYPE_COLOR[i.type]}>{t(`inbox.${i.type}`)}</Tag>,
            },
            { title: t('col.code'), dataIndex: 'code', width: 80 },
            {
              title: t('col.name'),
              render: (_, i) => <Link to={`/indicators/${i.indicatorId}`}>{i.name}</Link>,
            },
            { title: t('col.period'), dataIndex: 'period', width: 80 },
            {
              title: t('col.value'),
              width: 100,
              render: (_, i) => (i.value !== undefined && i.value !== null ? fmt(i.value) : '—'),
            },
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
                if (i.type === 'approve' && id) return <ApproveButtons observation={{ id }} code={i.code} />;
                if (i.type === 'submit' && id) {
                  const key = `submit-${id}`;
                  return (
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === key}
                      onClick={() => void submitOne(key, id, i.code)}
                    >
                      {t('entry.submit')}
                    </Button>
                  );
                }
                return <Link to="/entry">{t('inbox.goFill')}</Link>;
              },
            },
          ]}
        />
      </Card>
      <OverdueMilestones planId={planId ?? null} />
    </div>
  );
}

function OverdueMilestones({ planId }: { planId: string | null }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['bo', 'milestones', 'overdue'],
    queryFn: ({ signal }) => api<OverdueList>('/api/milestones/overdue', { signal }),
  });
  if (q.error) return null;
  const items = (q.data?.items ?? []).filter((m) => m.planId === planId);
  return (
    <Card
      size="small"
      title={t('inbox.milestones', { n: items.length })}
      style={{ marginTop: 16 }}
      loading={q.isLoading}
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('inbox.noMilestones') }}
        columns={[
          { title: t('task.milestones'), dataIndex: 'title' },
          {
            title: t('admin.item'),
            render: (_: unknown, m: OverdueList['items'][number]) => (
              <Link to={`/plan/${m.nodeId}`}>{m.nodeTitle}</Link>
            ),
          },
          { title: t('inbox.due'), dataIndex: 'dueDate', width: 110 },
          { title: t('inbox.daysOverdue'), dataIndex: 'daysOverdue', width: 90 },
          {
            title: t('plan.departments'),
            width: 120,
            render: (_: unknown, m: OverdueList['items'][number]) =>
              `${m.departmentCode}（${t(`deptRole.${m.role}`)}）`,
          },
        ]}
      />
    </Card>
  );
}
