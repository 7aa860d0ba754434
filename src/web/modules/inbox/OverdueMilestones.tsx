import { Card, Table } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import type { OverdueMilestones as OverdueList } from '../../lib/types.ts';
import { useOverdueMilestones } from './queries.ts';

type Row = OverdueList['items'][number];

/** Milestones of the annual work plans that are past their due day and not done. */
export function OverdueMilestones({ planId }: { planId: string | null }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const q = useOverdueMilestones();
  if (q.error) return null;
  const items = (q.data?.items ?? []).filter((m) => m.planId === planId);
  return (
    <Card
      size="small"
      title={t('inbox.milestones', { n: items.length })}
      style={{ marginTop: 16 }}
      loading={q.isLoading}
    >
      <Table<Row>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('inbox.noMilestones') }}
        columns={[
          { title: t('task.milestones'), dataIndex: 'title' },
          { title: t('admin.item'), render: (_, m) => <Link to={`/plan/${m.nodeId}`}>{m.nodeTitle}</Link> },
          { title: t('inbox.due'), dataIndex: 'dueDate', width: 110 },
          { title: t('inbox.daysOverdue'), dataIndex: 'daysOverdue', width: 90 },
          {
            title: t('plan.departments'),
            width: 120,
            render: (_, m) =>
              t('common.withNote', { text: deptName(m.departmentName), note: t(`deptRole.${m.role}`) }),
          },
        ]}
      />
    </Card>
  );
}
