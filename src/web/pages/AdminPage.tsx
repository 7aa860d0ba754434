import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import type { Assignment, Department, Role, SessionUser, TreeNode } from '../lib/types.ts';
import { usePlanTree } from '../modules/evaluation/queries.ts';
import { PlanImport } from '../modules/import/PlanImport.tsx';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

const ROLES: Role[] = ['admin', 'department', 'assessor'];
/** The users service's MIN_PASSWORD_LENGTH (checked again on the server). */
const MIN_PASSWORD = 10;

function useDepartments() {
  return useQuery({
    queryKey: ['bo', 'departments'],
    queryFn: ({ signal }) =>
      api<{ items: Department[] }>('/api/departments', { signal }).then((r) => r.items),
  });
}

function errText(err: unknown, fallback: string): string {
  return err instanceof Error ? err.message : fallback;
}

function Users() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const depts = useDepartments();
  const q = useQuery({
    queryKey: ['bo', 'users'],
    queryFn: ({ signal }) => api<{ items: SessionUser[] }>('/api/users', { signal }).then((r) => r.items),
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    email: string;
    password: string;
    role: Role;
    displayName?: string;
    departments?: string[];
  }>();
  const role = Form.useWatch('role', form);
  const create = useMutation({
    mutationFn: (body: object) => api<SessionUser>('/api/users', { method: 'POST', body }),
    onSuccess: (u) => {
      void message.success(t('admin.userCreated', { email: u.email }));
      void qc.invalidateQueries({ queryKey: ['bo', 'users'] });
      setOpen(false);
      form.resetFields();
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (q.error) return <ErrorState error={q.error} />;
  return (
    <>
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
            render: (_, u) => u.departments.map((d) => <Tag key={d.code}>{d.name}</Tag>),
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
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, min: MIN_PASSWORD, message: t('admin.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          {role === 'department' && (
            <Form.Item
              name="departments"
              label={t('plan.departments')}
              rules={[{ required: true, message: t('admin.deptRequired') }]}
            >
              <Select
                mode="multiple"
                options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
                optionFilterProp="label"
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function Departments() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useDepartments();
  const [form] = Form.useForm<{ code: string; name: string; nameEn?: string }>();
  const create = useMutation({
    mutationFn: (body: object) => api<Department>('/api/departments', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['bo', 'departments'] });
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

function Assignments({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const depts = useDepartments();
  const q = useQuery({
    queryKey: ['bo', 'assignments', planId],
    queryFn: ({ signal }) =>
      api<{ items: Assignment[] }>(`/api/plans/${planId}/assignments`, { signal }).then((r) => r.items),
  });
  const tree = usePlanTree(planId);
  const [editing, setEditing] = useState<Assignment | null>(null);
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const save = useMutation({
    mutationFn: (a: Assignment) =>
      api<unknown>('/api/assignments', {
        method: 'PUT',
        body: { ...(a.indicatorId ? { indicatorId: a.indicatorId } : { nodeId: a.nodeId }), lead, co },
      }),
    onSuccess: () => {
      void message.success(t('admin.assigned'));
      void qc.invalidateQueries({ queryKey: ['bo', 'assignments', planId] });
      void qc.invalidateQueries({ queryKey: ['plan', planId, 'indicators'] });
      void qc.invalidateQueries({ queryKey: ['bo', 'task'] });
      setEditing(null);
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (q.error) return <ErrorState error={q.error} />;
  const options = (depts.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  // Tasks nobody has been assigned yet are listed too, so they can be.
  const assignedNodes = new Set((q.data ?? []).map((a) => a.nodeId).filter(Boolean));
  const tasks: Assignment[] = [];
  const walk = (n: TreeNode) => {
    if (n.kind === 'task' && !assignedNodes.has(n.id))
      tasks.push({
        planId,
        nodeId: n.id,
        indicatorId: null,
        code: n.number ?? '',
        title: n.title,
        lead: null,
        co: [],
      });
    n.children.forEach(walk);
  };
  (tree.data?.nodes ?? []).forEach(walk);
  const rows = [...(q.data ?? []), ...tasks].filter(
    (a) => !filter || a.code.includes(filter) || a.title.includes(filter),
  );
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('admin.filter')}
        aria-label={t('admin.filter')}
        onChange={(e) => setFilter(e.target.value.trim())}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Table<Assignment>
        size="small"
        rowKey={(a) => a.indicatorId ?? a.nodeId ?? a.code}
        loading={q.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('col.code'), dataIndex: 'code', width: 90 },
          { title: t('admin.item'), dataIndex: 'title' },
          {
            title: t('deptRole.lead'),
            render: (_, a) =>
              a.lead ? <Tag color="blue">{a.lead.name}</Tag> : <Tag color="red">{t('admin.unassigned')}</Tag>,
          },
          { title: t('deptRole.co'), render: (_, a) => a.co.map((d) => <Tag key={d.code}>{d.name}</Tag>) },
          {
            title: t('col.actions'),
            width: 90,
            render: (_, a) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(a);
                  setLead(a.lead?.code ?? null);
                  setCo(a.co.map((d) => d.code));
                }}
              >
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `${editing.code} ${editing.title}` : ''}
        onCancel={() => setEditing(null)}
        okButtonProps={{ disabled: !lead }}
        confirmLoading={save.isPending}
        onOk={() => editing && save.mutate(editing)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('deptRole.lead')}</span>
          <Select
            aria-label={t('deptRole.lead')}
            value={lead}
            onChange={setLead}
            options={options}
            style={{ width: '100%' }}
            showSearch
            optionFilterProp="label"
          />
          <span>{t('deptRole.co')}</span>
          <Select
            aria-label={t('deptRole.co')}
            mode="multiple"
            value={co}
            onChange={setCo}
            options={options.filter((o) => o.value !== lead)}
            style={{ width: '100%' }}
            optionFilterProp="label"
          />
        </Space>
      </Modal>
    </>
  );
}

export default function AdminPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  if (loading) return <Loading />;
  if (user?.role !== 'admin')
    return (
      <Card>
        <EmptyState>{t('admin.only')}</EmptyState>
      </Card>
    );
  return (
    <div>
      <div className="page-title">
        <h1>{t('admin.title')}</h1>
      </div>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'assignments',
              label: t('admin.assignments'),
              children: ws.plan ? <Assignments planId={ws.plan.id} /> : <Loading />,
            },
            { key: 'users', label: t('admin.users'), children: <Users /> },
            { key: 'departments', label: t('admin.departments'), children: <Departments /> },
            { key: 'import', label: t('admin.import'), children: <PlanImport /> },
          ]}
        />
      </Card>
    </div>
  );
}
