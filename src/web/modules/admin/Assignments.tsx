import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { selectAllTitle } from '../../ui/SelectAllTitle.tsx';
import { qk } from '../../lib/queryKeys.ts';
import type { Assignment, TreeNode } from '../../lib/types.ts';
import { ErrorState } from '../../ui/states.tsx';
import { usePlanTree } from '../evaluation/queries.ts';
import { errText, useAssignments, useDepartments } from './queries.ts';

/** Who leads and who helps on every indicator and task; tasks nobody has yet are listed too. */
export function Assignments({ planId }: { planId: string }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const depts = useDepartments();
  const q = useAssignments(planId);
  const tree = usePlanTree(planId);
  // The items the dialog sets departments for: one (调整) or a selection (批量分配).
  const [editing, setEditing] = useState<Assignment[] | null>(null);
  const [selected, setSelected] = useState<Assignment[]>([]);
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const save = useMutation({
    mutationFn: (items: Assignment[]) =>
      api<{ items: Assignment[] }>('/api/assignments/bulk', {
        method: 'PUT',
        body: {
          items: items.map((a) => (a.indicatorId ? { indicatorId: a.indicatorId } : { nodeId: a.nodeId })),
          lead,
          co,
        },
      }),
    onSuccess: (r) => {
      void message.success(
        r.items.length > 1 ? t('admin.bulkAssigned', { n: r.items.length }) : t('admin.assigned'),
      );
      setSelected([]);
      void qc.invalidateQueries({ queryKey: qk.assignments(planId) });
      void qc.invalidateQueries({ queryKey: qk.indicators(planId) });
      void qc.invalidateQueries({ queryKey: qk.tasksAll() });
      void qc.invalidateQueries({ queryKey: qk.inbox() });
      setEditing(null);
    },
    onError: (err) => void message.error(errText(err, t('error.unknown'))),
  });
  if (q.error) return <ErrorState error={q.error} />;
  const options = (depts.data ?? []).map((d) => ({ value: d.code, label: deptName(d) }));
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
  const keyOf = (a: Assignment) => a.indicatorId ?? a.nodeId ?? a.code;
  const open = (items: Assignment[]) => {
    setEditing(items);
    // One item: its departments to adjust; several: the first one's as a start.
    setLead(items[0]?.lead?.code ?? null);
    setCo(items[0]?.co.map((d) => d.code) ?? []);
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.filter')}
          aria-label={t('admin.filter')}
          onChange={(e) => setFilter(e.target.value.trim())}
          style={{ maxWidth: 320 }}
        />
        <Button
          type="primary"
          data-testid="bulk-assign"
          disabled={selected.length === 0}
          onClick={() => open(selected)}
        >
          {t('admin.bulkAssign', { n: selected.length })}
        </Button>
      </Space>
      <Table<Assignment>
        size="small"
        data-testid="assignments"
        rowKey={keyOf}
        rowSelection={{
          selectedRowKeys: selected.map(keyOf),
          preserveSelectedRowKeys: true,
          columnTitle: selectAllTitle,
          getCheckboxProps: (a) => ({ 'aria-label': `${a.code} ${a.title}` }),
          onChange: (_, picked) => setSelected(picked),
        }}
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
              a.lead ? (
                <Tag color="blue">{deptName(a.lead)}</Tag>
              ) : (
                <Tag color="red">{t('admin.unassigned')}</Tag>
              ),
          },
          {
            title: t('deptRole.co'),
            render: (_, a) => a.co.map((d) => <Tag key={d.code}>{deptName(d)}</Tag>),
          },
          {
            title: t('col.actions'),
            width: 90,
            render: (_, a) => (
              <Button size="small" onClick={() => open([a])}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={
          editing?.length === 1
            ? `${editing[0]!.code} ${editing[0]!.title}`
            : t('admin.bulkAssignTitle', { n: editing?.length ?? 0 })
        }
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
