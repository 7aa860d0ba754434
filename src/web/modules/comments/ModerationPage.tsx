import { App, Button, Card, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { localTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useDepartments, useDeskWrite, useModerationQueue, type QueueItem } from './api.ts';

/** 意见审核: publish (routing to the replying department) or reject each pending comment. */
export default function ModerationPage() {
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const q = useModerationQueue();
  const departments = useDepartments();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [reason, setReason] = useState('');
  const publish = useDeskWrite((v: { id: string; departmentCode: string | null }) =>
    api(`/api/feedback/${v.id}/publish`, { method: 'POST', body: { departmentCode: v.departmentCode } }),
  );
  const reject = useDeskWrite((v: { id: string; reason: string }) =>
    api(`/api/feedback/${v.id}/reject`, { method: 'POST', body: { reason: v.reason } }),
  );
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const done = (text: string) => ({
    onSuccess: () => void message.success(text),
    onError: (e: Error) => void message.error(e.message),
  });
  return (
    <div data-testid="moderation-page">
      <div className="page-title">
        <h1>{t('desk.moderation.title')}</h1>
      </div>
      <Card size="small">
        {q.data.items.length === 0 ? (
          <Empty description={t('desk.moderation.empty')} />
        ) : (
          <Table<QueueItem>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={q.data.items}
            columns={[
              {
                title: t('desk.col.item'),
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{r.targetTitle}</Typography.Text>
                    <Typography.Text type="secondary">{localTime(r.createdAt, lang)}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('desk.col.text'),
                render: (_, r) => (
                  <div>
                    <div className="comment-text">{r.body}</div>
                    <Typography.Text type="secondary">
                      {r.name ?? t('desk.anonymous')}
                      {r.contact ? ` · ${r.contact}` : ''}
                    </Typography.Text>
                    {r.sameClient.length > 0 && (
                      <div>
                        <Tag color="orange" data-testid="same-client">
                          {t('desk.moderation.sameClient', { n: r.sameClient.length })}
                        </Tag>
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: t('desk.col.department'),
                render: (_, r) =>
                  r.needsDepartment ? (
                    <Select
                      aria-label={t('desk.moderation.chooseDepartment')}
                      placeholder={t('desk.moderation.chooseDepartment')}
                      style={{ minWidth: 180 }}
                      showSearch
                      optionFilterProp="label"
                      value={chosen[r.id]}
                      onChange={(v: string) => setChosen({ ...chosen, [r.id]: v })}
                      options={(departments.data?.items ?? []).map((d) => ({
                        value: d.code,
                        label: deptName(d),
                      }))}
                    />
                  ) : (
                    deptName(r.department)
                  ),
              },
              {
                title: t('desk.col.actions'),
                render: (_, r) => (
                  <Space>
                    <Button
                      type="primary"
                      size="small"
                      disabled={r.needsDepartment && !chosen[r.id]}
                      loading={publish.isPending && publish.variables?.id === r.id}
                      onClick={() =>
                        publish.mutate(
                          { id: r.id, departmentCode: chosen[r.id] ?? null },
                          done(t('desk.moderation.published')),
                        )
                      }
                    >
                      {t('desk.moderation.publish')}
                    </Button>
                    <Button size="small" danger onClick={() => setRejecting(r)}>
                      {t('desk.moderation.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={!!rejecting}
        title={t('desk.moderation.reject')}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          if (!rejecting) return;
          reject.mutate({ id: rejecting.id, reason: reason.trim() }, done(t('desk.moderation.rejected')));
          setRejecting(null);
          setReason('');
        }}
      >
        <Input.TextArea
          aria-label={t('desk.moderation.reason')}
          placeholder={t('desk.moderation.reason')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
