import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import { LightTag } from '../../ui/LightTag.tsx';
import { useSession } from '../session/session.tsx';
import { useSubjectOrders, useSubjectWarnings, type SubjectType } from './api.ts';
import { OpenOrderDialog, type OrderSource } from './OpenOrderDialog.tsx';
import { OrderLight } from './OrderDetail.tsx';

/**
 * An item's warnings (standing and cleared) and its open and closed 督办单 with their measures; the planning
 * office opens an order from a standing warning or by hand.
 */
export function SubjectSupervision(props: {
  planId: string | null;
  subjectType: SubjectType;
  subjectId: string;
  /** The item's name, for a new order's title. */
  subjectTitle: string;
}) {
  const { t, pick } = useI18n();
  const deptName = useDepartmentName();
  const { user } = useSession();
  const warnings = useSubjectWarnings(user ? props.planId : null, props.subjectType, props.subjectId);
  const orders = useSubjectOrders(props.subjectType, props.subjectId, !!user);
  const [source, setSource] = useState<OrderSource | null>(null);
  if (!user) return null;
  const canOpen = user.role === 'admin';
  const hasOpen = (orders.data?.items ?? []).some((o) => o.status !== 'closed');
  return (
    <Card
      size="small"
      title={t('sup.title')}
      data-testid="subject-supervision"
      extra={
        canOpen && (
          <Button
            size="small"
            onClick={() =>
              setSource({
                subjectType: props.subjectType,
                subjectId: props.subjectId,
                title: props.subjectTitle,
              })
            }
          >
            {t('sup.openByHand')}
          </Button>
        )
      }
    >
      <Typography.Text strong>{t('sup.warnings')}</Typography.Text>
      <List
        size="small"
        dataSource={warnings.data?.items ?? []}
        locale={{ emptyText: warnings.error ? warnings.error.message : t('sup.noWarnings') }}
        renderItem={(w) => (
          <List.Item
            data-warning={w.kind}
            data-active={w.active}
            actions={
              canOpen && w.active && !hasOpen
                ? [
                    <Button
                      key="open"
                      size="small"
                      onClick={() =>
                        setSource({ warningId: w.id, title: props.subjectTitle, reason: pick(w.reason) })
                      }
                    >
                      {t('sup.panel.open')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              {/* A cleared warning shows as a handled light. */}
              <LightTag light={w.active ? w.level : 'done'}>
                {w.active ? t(w.level === 'red' ? 'sup.red' : 'sup.yellow') : t('sup.cleared')}
              </LightTag>
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
        locale={{ emptyText: orders.error ? orders.error.message : t('sup.noOrders') }}
        renderItem={(o) => (
          <List.Item data-order={o.id} data-status={o.status}>
            <Space direction="vertical" size={2}>
              <Space wrap>
                <Tag>{pick(o.statusLabel)}</Tag>
                <OrderLight light={o.light} stepDue={o.stepDue} />
                <Link to={`/supervision?id=${o.id}`}>{o.title}</Link>
                <Typography.Text type="secondary">
                  {deptName(o.department)} · {t('sup.deadline', { date: o.deadline })}
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
      <OpenOrderDialog source={source} onClose={() => setSource(null)} />
    </Card>
  );
}
