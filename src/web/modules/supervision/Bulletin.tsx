import { Card, List, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useBulletin, type Bulletin as BulletinData } from './api.ts';

type Unit = BulletinData['units'][number];

/** 通报: the units with overdue 督办 steps, most overdue orders first, each order one click away. */
export function Bulletin({ planId }: { planId: string | null }) {
  const { t, pick } = useI18n();
  const deptName = useDepartmentName();
  const q = useBulletin(planId, true);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  return (
    <Card size="small" data-testid="bulletin" title={t('sup.bulletin.title', { date: q.data.today })}>
      <Typography.Paragraph type="secondary">{t('sup.bulletin.hint')}</Typography.Paragraph>
      <Table<Unit>
        size="small"
        rowKey={(u) => u.department.code}
        pagination={false}
        dataSource={q.data.units}
        locale={{ emptyText: t('sup.bulletin.empty') }}
        columns={[
          {
            title: t('sup.bulletin.unit'),
            render: (_, u) => <Typography.Text strong>{deptName(u.department)}</Typography.Text>,
          },
          {
            title: t('sup.bulletin.count'),
            render: (_, u) => <Tag color="red">{u.count}</Tag>,
          },
          {
            title: t('sup.bulletin.orders'),
            render: (_, u) => (
              <List
                size="small"
                split={false}
                dataSource={u.orders}
                renderItem={(o) => (
                  <List.Item data-order={o.id}>
                    <Space wrap>
                      <Link to={`/supervision?id=${o.id}`}>{o.title}</Link>
                      <Typography.Text type="secondary">{o.subjectTitle}</Typography.Text>
                      <Typography.Text type="danger">
                        {t('sup.bulletin.overdue', {
                          step: o.waitingFor ? pick(o.waitingFor) : '—',
                          date: o.stepDue ?? '—',
                          n: o.daysOverdue,
                        })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
