import { Breadcrumb, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { sourceLabel } from '../../../domain/plan-labels.ts';
import type { DepartmentRole } from '../../../domain/plan.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import type { Assignment, Indicator, TreeNode } from '../../lib/types.ts';
import { EmptyState } from '../../ui/states.tsx';
import { VerdictTag } from '../../ui/verdict.tsx';
import { useAssignments } from '../admin/queries.ts';
import { useSession } from '../session/session.tsx';
import { TaskWork } from '../tasks/TaskWork.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { nodeLabel } from './PlanTreeCard.tsx';
import { pathTo } from './tree.ts';
import type { PlanIndex } from './usePlanIndex.ts';

/** The departments of a node: its own assignment (牵头/配合) wins over those of its indicators. */
function departmentsOf(assignment: Assignment | undefined, linked: Indicator[]) {
  const depts = new Map<string, { name: string; role: DepartmentRole }>();
  if (assignment) {
    if (assignment.lead) depts.set(assignment.lead.code, { name: assignment.lead.name, role: 'lead' });
    for (const d of assignment.co) depts.set(d.code, { name: d.name, role: 'co' });
  } else {
    for (const i of linked)
      for (const d of i.departments)
        if (!depts.has(d.code) || d.role === 'lead') depts.set(d.code, { name: d.name, role: d.role });
  }
  return depts;
}

/** One plan node: where it sits, its status, departments, text, children, indicators and task progress. */
export function NodeDetail({ plan, node }: { plan: PlanIndex; node: TreeNode }) {
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const { user } = useSession();
  const ws = useWorkspace();
  const assignments = useAssignments(ws.plan?.id ?? null, !!user);
  const assignment = assignments.data?.find((a) => a.nodeId === node.id);
  const linked = plan.indicatorsUnder(node.id);
  const depts = departmentsOf(assignment, linked);
  const verdict = plan.nodeVerdict(node.id);
  const canReport =
    user?.role === 'department' &&
    !!assignment &&
    user.departments.some(
      (d) => d.code === assignment.lead?.code || assignment.co.some((c) => c.code === d.code),
    );
  return (
    <Card size="small" data-testid="node-detail">
      <Breadcrumb
        items={pathTo(plan.idx, node.id).map((n) => ({
          title: <Link to={`/plan/${n.id}`}>{nodeLabel(n)}</Link>,
        }))}
      />
      <Typography.Title level={3} style={{ marginTop: 12 }}>
        {nodeLabel(node)}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('plan.kind')}>{t(`nodeKind.${node.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('plan.status')}>
          {verdict ? <VerdictTag verdict={verdict} /> : <span className="muted">{t('plan.noStatus')}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('plan.departments')} span={2}>
          {depts.size === 0
            ? '—'
            : [...depts.entries()].map(([code, d]) => (
                <Tag key={code} color={d.role === 'lead' ? 'blue' : 'default'}>
                  {t('common.withNote', {
                    text: deptName({ code, name: d.name }),
                    note: t(`deptRole.${d.role}`),
                  })}
                </Tag>
              ))}
        </Descriptions.Item>
        {node.source && (
          <Descriptions.Item label={t('plan.source')}>
            {sourceLabel(node.source)[lang === 'en' ? 'en' : 'zh']}
          </Descriptions.Item>
        )}
      </Descriptions>
      {node.body ? (
        <div className="node-body">{node.body}</div>
      ) : (
        <Typography.Paragraph type="secondary">{t('plan.noBody')}</Typography.Paragraph>
      )}
      {node.children.length > 0 && (
        <>
          <Typography.Title level={5}>{t('plan.children')}</Typography.Title>
          <ul>
            {node.children.map((c) => (
              <li key={c.id}>
                <Link to={`/plan/${c.id}`}>{nodeLabel(c)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography.Title level={5}>{t('plan.indicators', { n: linked.length })}</Typography.Title>
      <Table<Indicator>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={linked}
        locale={{ emptyText: t('plan.noIndicators') }}
        scroll={{ x: true }}
        columns={[
          { title: t('col.code'), dataIndex: 'code', width: 80 },
          { title: t('col.name'), render: (_, i) => <Link to={`/indicators/${i.id}`}>{i.name}</Link> },
          { title: t('col.target'), render: (_, i) => i.target?.raw ?? '—' },
          {
            title: t('col.verdict'),
            render: (_, i) => {
              const v = plan.verdictByCode.get(i.code);
              return v ? <VerdictTag verdict={v} /> : '—';
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('plan.progress')}
      </Typography.Title>
      {node.kind !== 'task' ? (
        <Typography.Paragraph type="secondary">{t('plan.progressOnTasks')}</Typography.Paragraph>
      ) : user && ws.plan ? (
        <TaskWork
          planId={ws.plan.id}
          nodeId={node.id}
          year={ws.year ?? new Date().getFullYear()}
          canReport={canReport}
        />
      ) : (
        <EmptyState>{t('plan.loginForProgress')}</EmptyState>
      )}
    </Card>
  );
}
