import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { qk } from '../../lib/queryKeys.ts';
import type { Role, SessionUser } from '../../lib/types.ts';
import { ErrorState } from '../../ui/states.tsx';
import { NewPasswordField } from '../accounts/NewPasswordField.tsx';
import { errText, useUsers } from './queries.ts';
import { RoleFields } from './RoleFields.tsx';
import { PendingSignOns } from './PendingSignOns.tsx';

/** Accounts: the list and a form for a new one (department users name their departments). */
export function Users() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useUsers();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    email: string;
    password: string;
    role: Role;
    displayName?: string;
    departments?: string[];
  }>();
  const create = useMutation({
    mutationFn: (body: object) => api<SessionUser>('/api/users', { method: 'POST', body }),
    onSuccess: (u) => {
      void message.success(t('admin.userCreated', { email: u.email }));
      void qc.invalidateQueries({ queryKey: qk.users() });
      setOpen(false);
      form.resetFields();
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (q.error) return <ErrorState error={q.error} />;
  return (
    <>
      <PendingSignOns />
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
        {t('admin.newUser')}
      </Button>
      <Table<SessionUser>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: t('auth.email'), dataIndex: 'email' },
          { title: t('admin.displayName'), render: (_, u) => u.displayName ?? '—' },
          { title: t('admin.role'), render: (_, u) => t(`role.${u.role}`) },
          {
            title: t('plan.departments'),
            render: (_, u) => u.departments.map((d) => <Tag key={d.code}>{deptName(d)}</Tag>),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('admin.newUser')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('admin.create')}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ role: 'department' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <NewPasswordField name="password" label="auth.password" message="admin.passwordRule" />
          <Form.Item name="displayName" label={t('admin.displayName')}>
            <Input />
          </Form.Item>
          <RoleFields />
        </Form>
      </Modal>
    </>
  );
}
