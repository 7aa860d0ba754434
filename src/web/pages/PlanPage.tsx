import { Breadcrumb, Card, Col, Descriptions, Row, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import type { Assignment, Indicator, TreeNode, Verdict } from '../lib/types.ts';
import { useEvaluation, useIndicators, usePlanTree } from '../modules/evaluation/queries.ts';
import { indexTree, pathTo, rollUp } from '../modules/plan/tree.ts';
import { useSession } from '../modules/session/session.tsx';
import { TaskWork } from '../modules/tasks/TaskWork.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { VERDICT_COLOR, VerdictTag } from '../ui/verdict.tsx';

function label(n: TreeNode): string {
  return [n.number, n.title].filter(Boolean).join(' ');
}

export default function PlanPage({ nodeId }: { nodeId: string | null }) {
  const { t } = useI18n();
  const ws = useWorkspace();
  const { user } = useSession();
  const planId = ws.plan?.id ?? null;
  const treeQ = usePlanTree(planId);
  const indQ = useIndicators(planId);
  const evalQ = useEvaluation(planId, ws.year, ws.method, 'all');
  const assignments = useQuery({
    queryKey: ['bo', 'assignments', planId],
    queryFn: ({ signal }) =>
      api<{ items: Assignment[] }>(`/api/plans/${planId ?? ''}/assignments`, { signal }).then((r) => r.items),
    enabled: !!user && !!planId,
  });

  const idx = useMemo(() => indexTree(treeQ.data?.nodes ?? []), [treeQ.data]);
  const verdictByCode = useMemo(
    () => new Map((evalQ.data?.indicators ?? []).map((i) => [i.code, i.verdict])),
    [evalQ.data],
  );
  const indicatorsByNode = useMemo(() => {
    const m = new Map<string, Indicator[]>();
    for (const i of indQ.data?.items ?? []) if (i.nodeId) m.set(i.nodeId, [...(m.get(i.nodeId) ?? []), i]);
    return m;
  }, [indQ.data]);

  const indicatorsUnder = (id: string): Indicator[] => {
    const ids = idx.subtree.get(id) ?? new Set<string>();
    return [...ids].flatMap((n) => indicatorsByNode.get(n) ?? []);
  };
  const nodeVerdict = (id: string): Verdict | null =>
    rollUp(
      indicatorsUnder(id)
        .map((i) => verdictByCode.get(i.code))
        .filter((v): v is Verdict => !!v && v !== 'no_data' && v !== 'not_assessable'),
    );

  const toData = (n: TreeNode): DataNode => {
    const v = nodeVerdict(n.id);
    return {
      key: n.id,
      title: (
        <span>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 4,
              marginRight: 6,
              background: v ? VERDICT_COLOR[v] : '#e5e6eb',
            }}
          />
          {label(n)}
        </span>
      ),
      children: n.children.filter((c) => c.kind !== 'figure').map(toData),
    };
  };

  if (treeQ.error) return <ErrorState error={treeQ.error} />;
  if (!treeQ.data) return <Loading />;

  const selected = nodeId ? idx.byId.get(nodeId) : undefined;
  const nodeAssignment = selected ? assignments.data?.find((a) => a.nodeId === selected.id) : undefined;
  const path = selected ? pathTo(idx, selected.id) : [];
  const linked = selected ? indicatorsUnder(selected.id) : [];
  const depts = new Map<string, { name: string; role: 'lead' | 'co' }>();
  if (nodeAssignment) {
    // The task's own assignment (牵头/配合) wins over the departments of its indicators.
    if (nodeAssignment.lead)
      depts.set(nodeAssignment.lead.code, { name: nodeAssignment.lead.name, role: 'lead' });
    for (const d of nodeAssignment.co) depts.set(d.code, { name: d.name, role: 'co' });
  } else {
    for (const i of linked)
      for (const d of i.departments)
        if (!depts.has(d.code) || d.role === 'lead') depts.set(d.code, { name: d.name, role: d.role });
  }

  return (
    <div>
      <div className="page-title">
        <h1>{t('plan.title')}</h1>
        <Typography.Text type="secondary">{treeQ.data.plan.title}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            title={t('plan.tree')}
            styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}
          >
            <Tree
              blockNode
              showLine
              treeData={treeQ.data.nodes.map(toData)}
              selectedKeys={selected ? [selected.id] : []}
              defaultExpandedKeys={path.map((n) => n.id)}
              onSelect={(keys) => {
                const k = keys[0];
                if (typeof k === 'string') navigate(`/plan/${k}`);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {!selected ? (
            <Card size="small">
              <EmptyState>{t('plan.pick')}</EmptyState>
            </Card>
          ) : (
            <Card size="small" data-testid="node-detail">
              <Breadcrumb
                items={path.map((n) => ({ title: <Link to={`/plan/${n.id}`}>{label(n)}</Link> }))}
              />
              <Typography.Title level={3} style={{ marginTop: 12 }}>
                {label(selected)}
              </Typography.Title>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('plan.kind')}>{t(`nodeKind.${selected.kind}`)}</Descriptions.Item>
                <Descriptions.Item label={t('plan.status')}>
                  {(() => {
                    const v = nodeVerdict(selected.id);
                    return v ? (
                      <VerdictTag verdict={v} />
                    ) : (
                      <span className="muted">{t('plan.noStatus')}</span>
                    );
                  })()}
                </Descriptions.Item>
                <Descriptions.Item label={t('plan.departments')} span={2}>
                  {depts.size === 0
                    ? '—'
                    : [...depts.entries()].map(([code, d]) => (
                        <Tag key={code} color={d.role === 'lead' ? 'blue' : 'default'}>
                          {d.name}（{t(`deptRole.${d.role}`)}）
                        </Tag>
                      ))}
                </Descriptions.Item>
                {selected.source && (
                  <Descriptions.Item label={t('plan.source')}>{selected.source}</Descriptions.Item>
                )}
              </Descriptions>
              {selected.body ? (
                <div className="node-body">{selected.body}</div>
              ) : (
                <Typography.Paragraph type="secondary">{t('plan.noBody')}</Typography.Paragraph>
              )}
              {selected.children.length > 0 && (
                <>
                  <Typography.Title level={5}>{t('plan.children')}</Typography.Title>
                  <ul>
                    {selected.children.map((c) => (
                      <li key={c.id}>
                        <Link to={`/plan/${c.id}`}>{label(c)}</Link>
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
                  {
                    title: t('col.name'),
                    render: (_, i) => <Link to={`/indicators/${i.id}`}>{i.name}</Link>,
                  },
                  { title: t('col.target'), render: (_, i) => i.target?.raw ?? '—' },
                  {
                    title: t('col.verdict'),
                    render: (_, i) => {
                      const v = verdictByCode.get(i.code);
                      return v ? <VerdictTag verdict={v} /> : '—';
                    },
                  },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('plan.progress')}
              </Typography.Title>
              {selected.kind !== 'task' ? (
                <Typography.Paragraph type="secondary">{t('plan.progressOnTasks')}</Typography.Paragraph>
              ) : user ? (
                <TaskWork
                  nodeId={selected.id}
                  year={ws.year ?? new Date().getFullYear()}
                  canReport={
                    user.role === 'department' &&
                    !!nodeAssignment &&
                    user.departments.some(
                      (d) =>
                        d.code === nodeAssignment.lead?.code ||
                        nodeAssignment.co.some((c) => c.code === d.code),
                    )
                  }
                />
              ) : (
                <EmptyState>{t('plan.loginForProgress')}</EmptyState>
              )}
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
