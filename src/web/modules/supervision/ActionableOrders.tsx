import { Card, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useOrders } from './api.ts';
import { OrderLight } from './OrderDetail.tsx';

/** 待办: the open 督办单 waiting on the caller (签收, 整改计划, 进展 for a department; 核查 for the office). */
export function ActionableOrders({ planId }: { planId: string | null }) {
  const { t, pick } = useI18n();
  const q = useOrders({ planId, state: 'open' });
  const items = (q.data?.items ?? []).filter((o) => o.actions.length > 0);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="inbox-orders"
      title={t('sup.inbox.title', { n: items.length })}
    >
      <List
        size="small"
        loading={q.isLoading}
        dataSource={items}
        locale={{ emptyText: q.error ? q.error.message : t('sup.inbox.empty') }}
        renderItem={(o) => (
          <List.Item data-order={o.id}>
            <Space wrap>
              <OrderLight light={o.light} stepDue={o.stepDue} />
              <Link to={`/supervision?id=${o.id}`}>{o.title}</Link>
              <Typography.Text type="secondary">{o.subjectTitle}</Typography.Text>
              <Tag>{o.waitingFor ? pick(o.waitingFor) : pick(o.statusLabel)}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
