import { Alert, Descriptions, List, Typography } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import type { PlanVersionDiff } from '../../lib/types.ts';

/** What publishing a version carries over from the version in use, and what stays behind (issue 15 §5). */
export function VersionDiffView({ diff }: { diff: PlanVersionDiff }) {
  const { t } = useI18n();
  const c = diff.carried;
  return (
    <>
      <Typography.Title level={5}>
        {t('versions.carried', { version: diff.baseVersion ?? 1 })}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} data-testid="version-carried">
        <Descriptions.Item label={t('versions.indicators')}>{c.indicators}</Descriptions.Item>
        <Descriptions.Item label={t('versions.nodes')}>{c.nodes}</Descriptions.Item>
        <Descriptions.Item label={t('versions.assignments')}>{c.assignments}</Descriptions.Item>
        <Descriptions.Item label={t('versions.observations')}>{c.observations}</Descriptions.Item>
        <Descriptions.Item label={t('versions.workPlans')}>{c.workPlans}</Descriptions.Item>
        <Descriptions.Item label={t('versions.taskReports')}>{c.taskReports}</Descriptions.Item>
        <Descriptions.Item label={t('versions.projects')}>{c.projects}</Descriptions.Item>
        <Descriptions.Item label={t('versions.comments')}>{c.comments}</Descriptions.Item>
        <Descriptions.Item label={t('versions.supervision')}>{c.supervision}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {t('versions.addedRemoved', { added: diff.added.length, removed: diff.removed.length })}
      </Typography.Text>
      {diff.orphaned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('versions.orphaned', { n: diff.orphaned.length })}
          description={
            <List
              size="small"
              dataSource={diff.orphaned}
              renderItem={(o) => <List.Item>{[o.code, o.name].filter(Boolean).join(' ')}</List.Item>}
            />
          }
        />
      )}
    </>
  );
}
