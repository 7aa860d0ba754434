import { useQuery } from '@tanstack/react-query';
import { Progress, Space, Tag, Typography } from 'antd';
import { TASK_STATUSES } from '../../../domain/evaluation/tasks.ts';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { PlanProgress } from '../../lib/types.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { coverage, TASK_STATUS_COLOR } from './model.ts';

/** 重点任务推进: the weighted roll-up of task progress reports, per 篇. */
export function TaskProgress({ planId, year }: { planId: string; year: number | null }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: qk.progress(planId, year),
    queryFn: ({ signal }) =>
      api<PlanProgress>(`/api/plans/${planId}/progress${year ? `?year=${year}` : ''}`, { signal }),
    staleTime: 60_000,
  });
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const reported = Object.values(q.data.counts).reduce((a, b) => a + b, 0);
  const parts = q.data.nodes.filter((n) => n.kind === 'part');
  return (
    <div data-testid="task-progress">
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        {TASK_STATUSES.map((s) => (
          <Tag key={s} color={TASK_STATUS_COLOR[s]}>
            {t(`task.${s}`)} {q.data.counts[s] ?? 0}
          </Tag>
        ))}
        <Tag>{t('task.unreported', { n: q.data.unreported })}</Tag>
      </Space>
      {reported === 0 ? (
        <EmptyState>{t('dashboard.tasksPending')}</EmptyState>
      ) : (
        parts.map((p) => {
          const c = coverage(p);
          return (
            <div key={p.key} className="part-progress" data-testid="part-progress">
              <Space size={8} wrap>
                <Typography.Text>{p.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('task.coverage', { reported: c.reported, total: c.total })}
                </Typography.Text>
              </Space>
              {c.whole ? (
                <Progress
                  percent={c.percent ?? 0}
                  size="small"
                  status={p.status === 'delayed' || p.status === 'blocked' ? 'exception' : 'normal'}
                />
              ) : (
                <div className="muted">
                  {c.percent === null
                    ? t('task.noneReported')
                    : t('task.sampleAverage', { reported: c.reported, percent: c.percent })}
                </div>
              )}
            </div>
          );
        })
      )}
    </div>
  );
}
