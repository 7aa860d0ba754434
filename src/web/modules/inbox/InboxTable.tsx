import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { fmt, withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { selectAllTitle } from '../../ui/SelectAllTitle.tsx';
import { Link } from '../../lib/router.tsx';
import type { InboxItem } from '../../lib/types.ts';
import { SubmitDrafts } from '../entry/SubmitDrafts.tsx';
import { ApproveButtons } from '../observations/ApproveButtons.tsx';
import { invalidateAfterValueWrite, useObservationActions } from '../observations/mutations.ts';

const TYPE_COLOR: Record<InboxItem['type'], string> = {
  fill: 'blue',
  submit: 'gold',
  approve: 'purple',
  returned: 'red',
};

function signed(n: number, digits = 2): string {
  return `${n > 0 ? '+' : ''}${fmt(n, digits)}`;
}

/** The value with its unit, the previous year's value and the change, the outlier warnings and the note. */
function ValueToJudge({ item: i }: { item: InboxItem }) {
  const { t, pick } = useI18n();
  if (i.value === undefined && i.text === undefined) return <span className="muted">—</span>;
  return (
    <div className="inbox-value" data-testid={`inbox-value-${i.code}`}>
      <strong>
        {i.value !== null && i.value !== undefined ? withUnit(i.value, i.unit) : (i.text ?? '—')}
      </strong>
      {i.previous && (
        <div className="muted">
          {t('inbox.previous', { year: i.previous.year, value: withUnit(i.previous.value, i.unit) })}
          {i.change &&
            ` · ${t('inbox.change', {
              change: signed(i.change.absolute),
              pct: i.change.relative === null ? '—' : `${signed(i.change.relative * 100, 1)}%`,
            })}`}
        </div>
      )}
      {(i.warnings ?? []).map((w, k) => (
        <div key={k}>
          <Typography.Text type="warning" role="status">
            ⚠ {pick(w)}
          </Typography.Text>
        </div>
      ))}
      {i.note && <div className="muted">{t('inbox.note', { note: i.note })}</div>}
    </div>
  );
}

/** What waits on the user: values to fill, drafts to submit, returned values, values to approve. */
export function InboxTable({ items, planId }: { items: InboxItem[]; planId: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { submit } = useObservationActions(planId);
  const [busy, setBusy] = useState<string | null>(null);
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);

  // Approve the selected values at once; the server approves and audits each one by one.
  const approveSelected = async () => {
    setBulkBusy(true);
    try {
      const r = await api<{ approved: number; items: { id: string; status: string }[] }>(
        '/api/observations/approve',
        { method: 'POST', body: { ids: selected } },
      );
      const refused = r.items.length - r.approved;
      void message[refused > 0 ? 'warning' : 'success'](t('inbox.bulkDone', { n: r.approved, refused }));
      setSelected([]);
      invalidateAfterValueWrite(qc, planId, 'all', true);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBulkBusy(false);
    }
  };

  const submitOne = async (id: string, code: string) => {
    setBusy(id);
    try {
      await submit.mutateAsync(id);
      void message.success(t('entry.submitted', { code }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(null);
    }
  };

  const approvable = items.some((i) => i.type === 'approve' && i.observationId);
  const drafts = items.filter((i) => i.type === 'submit' && i.observationId).length;
  return (
    <>
      {drafts > 0 && planId && (
        <Space style={{ marginBottom: 8 }}>
          <SubmitDrafts planId={planId} drafts={drafts} />
        </Space>
      )}
      {approvable && (
        <Space style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            data-testid="bulk-approve"
            disabled={selected.length === 0}
            loading={bulkBusy}
            onClick={() => void approveSelected()}
          >
            {t('inbox.bulkApprove', { n: selected.length })}
          </Button>
        </Space>
      )}
      <Table<InboxItem>
        data-testid="inbox"
        size="small"
        rowKey={(i) => rowKeyOf(i)}
        rowSelection={
          approvable
            ? {
                selectedRowKeys: items
                  .filter((i) => i.observationId && selected.includes(i.observationId))
                  .map(rowKeyOf),
                columnTitle: selectAllTitle,
                getCheckboxProps: (i) => ({
                  disabled: i.type !== 'approve' || !i.observationId,
                  'aria-label': `${i.code} ${i.period}`,
                }),
                onChange: (_, rows) =>
                  setSelected(
                    rows.filter((i) => i.type === 'approve' && i.observationId).map((i) => i.observationId!),
                  ),
              }
            : undefined
        }
        dataSource={items}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('inbox.empty') }}
        columns={[
          {
            title: t('inbox.type'),
            width: 100,
            render: (_, i) => <Tag color={TYPE_COLOR[i.type]}>{t(`inboxType.${i.type}`)}</Tag>,
          },
          { title: t('col.code'), dataIndex: 'code', width: 80 },
          {
            title: t('col.name'),
            render: (_, i) => <Link to={`/indicators/${i.indicatorId}`}>{i.name}</Link>,
          },
          { title: t('col.period'), dataIndex: 'period', width: 80 },
          {
            title: t('col.value'),
            width: 280,
            render: (_, i) => <ValueToJudge item={i} />,
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
                return (
                  <Button
                    size="small"
                    type="primary"
                    loading={busy === id}
                    onClick={() => void submitOne(id, i.code)}
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
    </>
  );
}

const rowKeyOf = (i: InboxItem) => `${i.type}-${i.indicatorId}-${i.period}-${i.observationId ?? ''}`;
