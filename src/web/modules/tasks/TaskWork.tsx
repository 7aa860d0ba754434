import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { TASK_STATUSES } from '../../../domain/evaluation/tasks.ts';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import { isoDay, localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { TaskStatus, TaskWork as TaskWorkDto } from '../../lib/types.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { TaskEvidence } from './TaskEvidence.tsx';
import { TASK_STATUS_COLOR } from './model.ts';

/** Milestones of the annual work plans and the progress reports of one task; departments add reports. */
export function TaskWork({
  planId,
  nodeId,
  year,
  canReport,
}: {
  planId: string;
  nodeId: string;
  year: number;
  canReport: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ status: TaskStatus; percent: number; text: string }>();
  const [milestoneForm] = Form.useForm<{ title: string; dueDate: string }>();
  const q = useQuery({
    queryKey: qk.task(nodeId),
    queryFn: ({ signal }) => api<TaskWorkDto>(`/api/tasks/${nodeId}/work`, { signal }),
  });
  const add = useMutation({
    mutationFn: (body: { status: TaskStatus; percent: number; text: string }) =>
      api<unknown>(`/api/tasks/${nodeId}/reports`, { method: 'POST', body: { ...body, year } }),
    onSuccess: () => {
      void message.success(t('task.reported'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: qk.task(nodeId) });
      void qc.invalidateQueries({ queryKey: qk.progressAll(planId) });
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });
  const thisYear = q.data?.workPlans.find((w) => w.year === year);
  const addMilestone = useMutation({
    mutationFn: (m: { title: string; dueDate: string }) =>
      api<unknown>(`/api/tasks/${nodeId}/work-plans/${year}`, {
        method: 'PUT',
        body: {
          summary: thisYear?.summary ?? null,
          milestones: [
            ...(thisYear?.milestones ?? []).map((x) => ({
              title: x.title,
              dueDate: x.dueDate,
              completedOn: x.completedOn,
            })),
            m,
          ],
        },
      }),
    onSuccess: () => {
      milestoneForm.resetFields();
      void qc.invalidateQueries({ queryKey: qk.task(nodeId) });
      void qc.invalidateQueries({ queryKey: qk.overdueMilestones() });
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });
  const complete = useMutation({
    mutationFn: (id: string) =>
      api<unknown>(`/api/milestones/${id}`, {
        method: 'PATCH',
        body: { completedOn: isoDay(new Date()) },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: qk.task(nodeId) });
      void qc.invalidateQueries({ queryKey: qk.overdueMilestones() });
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const milestones = q.data.workPlans.flatMap((w) => w.milestones.map((m) => ({ ...m, year: w.year })));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('task.milestones')}</Typography.Text>
      {milestones.length === 0 ? (
        <EmptyState>{t('task.noMilestones')}</EmptyState>
      ) : (
        <List
          size="small"
          dataSource={milestones}
          renderItem={(m) => (
            <List.Item>
              <span>
                {m.year} · {m.title}
              </span>
              <Space size={4}>
                <span className="muted">{m.dueDate}</span>
                {m.completedOn ? (
                  <Tag color="success">{t('task.completed')}</Tag>
                ) : m.overdue ? (
                  <Tag color="error">{t('inbox.overdue')}</Tag>
                ) : null}
                {canReport && !m.completedOn && (
                  <Button size="small" loading={complete.isPending} onClick={() => complete.mutate(m.id)}>
                    {t('task.markDone')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {canReport && (
        <Form
          form={milestoneForm}
          layout="inline"
          onFinish={(v) => addMilestone.mutate(v)}
          style={{ rowGap: 8 }}
        >
          <Form.Item
            name="title"
            rules={[{ required: true, message: t('task.milestoneTitle') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input placeholder={t('task.milestoneTitle')} aria-label={t('task.milestoneTitle')} />
          </Form.Item>
          <Form.Item name="dueDate" rules={[{ required: true, message: t('task.due') }]}>
            <Input type="date" aria-label={t('task.due')} min={`${year}-01-01`} max={`${year + 1}-12-31`} />
          </Form.Item>
          <Button htmlType="submit" loading={addMilestone.isPending}>
            {t('task.addMilestone', { year })}
          </Button>
        </Form>
      )}
      <Typography.Text strong>{t('task.reports')}</Typography.Text>
      {q.data.reports.length === 0 ? (
        <EmptyState>{t('task.noReports')}</EmptyState>
      ) : (
        <List
          size="small"
          dataSource={q.data.reports}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space size={6}>
                  <Tag color={TASK_STATUS_COLOR[r.status]}>{t(`task.${r.status}`)}</Tag>
                  <span>{r.percent}%</span>
                  <span className="muted">
                    {localDate(r.createdAt)} · {r.byEmail ?? ''}
                  </span>
                </Space>
                <span>{r.text}</span>
                <TaskEvidence nodeId={nodeId} report={r} canUpload={canReport} />
              </Space>
            </List.Item>
          )}
        />
      )}
      {canReport && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ status: 'in_progress', percent: 50 }}
          onFinish={(v) => add.mutate(v)}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="status" label={t('col.status')}>
            <Select
              style={{ width: 120 }}
              options={TASK_STATUSES.map((s) => ({ value: s, label: t(`task.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="percent" label="%">
            <InputNumber min={0} max={100} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item
            name="text"
            rules={[{ required: true, message: t('task.textRequired') }]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input placeholder={t('task.text', { year })} aria-label={t('task.text', { year })} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('task.report')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
