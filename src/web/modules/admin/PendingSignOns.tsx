import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { qk } from '../../lib/queryKeys.ts';
import type { Role, SessionUser } from '../../lib/types.ts';
import { errText } from './queries.ts';
import { RoleFields } from './RoleFields.tsx';

interface PendingAccount {
  id: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
  firstSeenAt: string;
}

const KEY = ['bo', 'users', 'sso-pending'] as const;

/**
 * People who signed in with government ID and were provisioned without a role (LANTU_OIDC_AUTO_PROVISION): the
 * planning office grants each a role (and departments), after which they can sign in. Hidden when none wait.
 */
export function PendingSignOns() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api<{ items: PendingAccount[] }>('/api/users/sso-pending', { signal }).then((r) => r.items),
  });
  const [granting, setGranting] = useState<PendingAccount | null>(null);
  const [form] = Form.useForm<{ role: Role; departments?: string[] }>();
  const grant = useMutation({
    mutationFn: (v: { role: Role; departments?: string[] }) =>
      api<SessionUser>(`/api/users/sso-pending/${granting?.id ?? ''}/grant`, { method: 'POST', body: v }),
    onSuccess: (u) => {
      void message.success(t('admin.sso.granted', { email: u.email }));
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: qk.users() });
      setGranting(null);
      form.resetFields();
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (!q.data?.length) return null;
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('admin.sso.pending', { n: q.data.length })}
        style={{ marginBottom: 8 }}
      />
      <Table<PendingAccount>
        size="small"
        rowKey="id"
        dataSource={q.data}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('auth.email'), render: (_, p) => p.email ?? '—' },
          { title: t('admin.displayName'), render: (_, p) => p.displayName ?? '—' },
          { title: t('admin.sso.subject'), dataIndex: 'subject' },
          { title: t('admin.sso.firstSeen'), render: (_, p) => localDate(p.firstSeenAt) },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" onClick={() => setGranting(p)}>
                {t('admin.sso.grant')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!granting}
        title={t('admin.sso.grant')}
        onCancel={() => setGranting(null)}
        onOk={() => form.submit()}
        confirmLoading={grant.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ role: 'department' }}
          onFinish={(v) => grant.mutate(v)}
        >
          <RoleFields />
        </Form>
      </Modal>
    </>
  );
}
