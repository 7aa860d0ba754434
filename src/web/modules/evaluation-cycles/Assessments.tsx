import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { qk } from '../../lib/queryKeys.ts';
import { localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { VERDICT_ORDER } from '../../lib/rules.ts';
import type { Snapshot, SnapshotSummary } from '../../lib/types.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { useVerdictLabel } from '../../ui/verdict.tsx';
import { useSession } from '../session/session.tsx';

interface Fields {
  score?: number | null;
  verdict: string;
  comment?: string;
}

/**
 * 自评 and 第三方评估 of one indicator, recorded against the plan's latest frozen evaluation snapshot: the
 * responsible departments assess themselves, assessors give the third-party view.
 */
export function Assessments({
  planId,
  indicatorId,
  canSelfAssess,
}: {
  planId: string;
  indicatorId: string;
  canSelfAssess: boolean;
}) {
  const { t } = useI18n();
  const label = useVerdictLabel();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const list = useQuery({
    queryKey: qk.snapshots(planId),
    queryFn: ({ signal }) =>
      api<{ items: SnapshotSummary[] }>(`/api/evaluations?planId=${planId}`, { signal }).then((r) => r.items),
    enabled: !!user,
  });
  const latest = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const snap = useQuery({
    queryKey: qk.snapshot(latest?.id),
    queryFn: ({ signal }) => api<Snapshot>(`/api/evaluations/${latest?.id ?? ''}`, { signal }),
    enabled: !!latest,
  });
  const add = useMutation({
    mutationFn: (f: Fields) =>
      api<unknown>(`/api/evaluations/${latest?.id ?? ''}/assessments`, {
        method: 'POST',
        body: { indicatorId, verdict: f.verdict, score: f.score ?? null, comment: f.comment?.trim() || null },
      }),
    onSuccess: () => {
      void message.success(t('assess.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: qk.snapshot(latest?.id) });
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });

  if (!user) return <EmptyState>{t('snap.loginToSee')}</EmptyState>;
  if (list.error) return <ErrorState error={list.error} />;
  if (list.isLoading || snap.isLoading) return <Loading />;
  if (!latest) return <EmptyState>{t('assess.noSnapshot')}</EmptyState>;
  const mine = (snap.data?.assessments ?? []).filter((a) => a.indicatorId === indicatorId);
  const canWrite = user.role === 'assessor' || (user.role === 'department' && canSelfAssess);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('assess.against', {
          year: latest.year,
          kind: t(`snap.${latest.kind}`),
          date: localDate(latest.createdAt),
        })}
      </Typography.Text>
      {mine.length === 0 ? (
        <EmptyState>{t('assess.none')}</EmptyState>
      ) : (
        <List
          size="small"
          dataSource={mine}
          renderItem={(a) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space size={6}>
                  <Tag color={a.source === 'self' ? 'blue' : 'purple'}>{t(`assess.${a.source}`)}</Tag>
                  <strong>{a.verdict}</strong>
                  {a.score !== null && <span>{t('assess.scoreValue', { score: a.score })}</span>}
                  <span className="muted">
                    {a.byEmail ?? ''} · {localDate(a.createdAt)}
                  </span>
                </Space>
                {a.comment && <span>{a.comment}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {canWrite && (
        <Form form={form} layout="inline" onFinish={(f) => add.mutate(f)} style={{ rowGap: 8 }}>
          <Form.Item name="verdict" rules={[{ required: true, message: t('assess.verdictRequired') }]}>
            <Select
              aria-label={t('col.verdict')}
              placeholder={t('col.verdict')}
              style={{ width: 160 }}
              options={VERDICT_ORDER.map((v) => ({ value: label(v), label: label(v) }))}
            />
          </Form.Item>
          <Form.Item name="score">
            <InputNumber
              aria-label={t('assess.score')}
              placeholder={t('assess.score')}
              min={0}
              max={100}
              style={{ width: 100 }}
            />
          </Form.Item>
          <Form.Item name="comment" style={{ flex: 1, minWidth: 220 }}>
            <Input aria-label={t('assess.comment')} placeholder={t('assess.comment')} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={add.isPending}>
            {user.role === 'assessor' ? t('assess.addThird') : t('assess.addSelf')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
