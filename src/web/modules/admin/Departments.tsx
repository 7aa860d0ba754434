import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Table } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { qk } from '../../lib/queryKeys.ts';
import type { Department } from '../../lib/types.ts';
import { ErrorState } from '../../ui/states.tsx';
import { errText, useDepartments } from './queries.ts';

/** Departments: the list and a one-line form for a new one. */
export function Departments() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useDepartments();
  const [form] = Form.useForm<{ code: string; name: string; nameEn?: string }>();
  const create = useMutation({
    mutationFn: (body: object) => api<Department>('/api/departments', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: qk.departments() });
      form.resetFields();
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (q.error) return <ErrorState error={q.error} />;
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => create.mutate(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item
          name="code"
          rules={[
            { required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, message: t('admin.codeRule') },
          ]}
        >
          <Input placeholder={t('admin.deptCode')} aria-label={t('admin.deptCode')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('admin.deptName') }]}>
          <Input placeholder={t('admin.deptName')} aria-label={t('admin.deptName')} />
        </Form.Item>
        <Form.Item name="nameEn">
          <Input placeholder={t('admin.deptNameEn')} aria-label={t('admin.deptNameEn')} />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          {t('admin.addDept')}
        </Button>
      </Form>
      <Table<Department>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.deptCode'), dataIndex: 'code', width: 120 },
          { title: t('admin.deptName'), render: (_, d) => (lang === 'en' ? (d.nameEn ?? d.name) : d.name) },
        ]}
      />
    </>
  );
}
