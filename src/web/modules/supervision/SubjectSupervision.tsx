import { Card, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { useSubjectOrders, useSubjectWarnings } from './api.ts';

const LIGHT: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green', done: 'default' };

/** An item's warnings (standing and cleared) and its open and closed 督办单 with their measures. */
export function SubjectSupervision(props: {
  planId: string | null;
  subjectType: 'indicator' | 'task' | 'project';
  subjectId: string;
}) {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const warnings = useSubjectWarnings(user ? props.planId : null, props.subjectType, props.subjectId);
  const orders = useSubjectOrders(props.subjectType, props.subjectId, !!user);
  if (!user) return null;
  return (
    <Card size="small" title={t('sup.title')} data-testid="subject-supervision">
      <Typography.Text strong>{t('sup.warnings')}</Typography.Text>
      <List
        size="small"
        dataSource={warnings.data?.items ?? []}
        locale={{ emptyText: t('sup.noWarnings') }}
        renderItem={(w) => (
          <List.Item data-warning={w.kind}>
            <Space wrap>
              <Tag color={w.active ? LIGHT[w.level] : 'default'}>
                {w.active ? t(w.level === 'red' ? 'sup.red' : 'sup.yellow') : t('sup.cleared')}
              </Tag>
              <Typography.Text>{pick(w.kindTitle)}</Typography.Text>
              <Typography.Text type="secondary">{pick(w.reason)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Text strong>{t('sup.orders')}</Typography.Text>
      <List
        size="small"
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: t('sup.noOrders') }}
        renderItem={(o) => (
          <List.Item data-order={o.id} data-status={o.status}>
            <Space direction="vertical" size={2}>
              <Space wrap>
                <Tag color={LIGHT[o.light]}>{pick(o.statusLabel)}</Tag>
                <Typography.Text strong>{o.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {o.department.name} · {t('sup.deadline', { date: o.deadline })}
                </Typography.Text>
              </Space>
              {o.measures.map((m) => (
                <Typography.Text key={m.id} type={m.doneOn ? 'secondary' : undefined}>
                  · {m.title} ({m.dueDate}){m.doneOn ? ` ✓ ${m.doneOn}` : ''}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
