import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { qk } from '../../lib/queryKeys.ts';
import type { PlanVersionDiff } from '../../lib/types.ts';
import { useWorkspace } from '../workspace/workspace.tsx';
import { VersionDiffView } from './VersionDiffView.tsx';

/** A draft version selected: what publishing it carries over, the one button that publishes it, and discarding it. */
export function PublishDraft() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const ws = useWorkspace();
  const draft = ws.plan?.status === 'draft' ? ws.plan : null;
  const preview = useQuery({
    queryKey: [...qk.plans(), 'publish', draft?.id ?? ''],
    enabled: draft !== null,
    queryFn: ({ signal }) => api<PlanVersionDiff>(`/api/plans/${draft!.id}/publish`, { signal }),
  });
  const publish = useMutation({
    mutationFn: () => api(`/api/plans/${draft!.id}/publish`, { method: 'POST' }),
    onSuccess: async () => {
      void message.success(t('versions.published', { version: draft?.version ?? 1 }));
      await qc.invalidateQueries();
    },
  });
  const discard = useMutation({
    mutationFn: () => api(`/api/plans/${draft!.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      void message.success(t('versions.discarded', { version: draft?.version ?? 1 }));
      const inUse = ws.plans.find((p) => p.key === draft?.key && p.status === 'published');
      if (inUse) ws.setPlanId(inUse.id);
      await qc.invalidateQueries();
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : t('error.unknown')),
  });
  if (!draft) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="publish-draft">
      <Alert type="info" showIcon title={t('versions.draft', { label: draft.label })} />
      {preview.data && <VersionDiffView diff={preview.data} />}
      <Space wrap>
        <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
          {t('versions.publish')}
        </Button>
        <Popconfirm
          title={t('versions.discardConfirm', { label: draft.label })}
          description={t('versions.discardHint')}
          okText={t('versions.discard')}
          okButtonProps={{ danger: true, loading: discard.isPending }}
          cancelText={t('import.cancel')}
          onConfirm={() => discard.mutate()}
        >
          <Button danger loading={discard.isPending} data-testid="discard-draft">
            {t('versions.discard')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
