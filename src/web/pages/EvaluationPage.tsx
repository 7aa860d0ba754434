import { Card, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { withUnit } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import type { IndicatorEvaluation } from '../lib/types.ts';
import { ReportsAndSnapshots } from '../modules/evaluation-cycles/Snapshots.tsx';
import { SEVERITY } from '../modules/dashboard/model.ts';
import { useEvaluation, type Scope } from '../modules/evaluation/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { VerdictTag } from '../ui/verdict.tsx';
import { MethodSwitch } from './DashboardPage.tsx';

export default function EvaluationPage() {
  const { t, pick } = useI18n();
  const ws = useWorkspace();
  const [scope, setScope] = useState<Scope>('table');
  const [kind, setKind] = useState<string>('all');
  const q = useEvaluation(ws.plan?.id ?? null, ws.year, ws.method, scope);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const kinds = [...new Set(q.data.indicators.map((i) => i.kind))];
  const rows = q.data.indicators.filter((i) => kind === 'all' || i.kind === kind);
  return (
    <div>
      <div className="page-title">
        <h1>{t('evaluation.title')}</h1>
        <Space wrap>
          <MethodSwitch />
          <Segmented<Scope>
            value={scope}
            onChange={setScope}
            options={[
              { label: t('evaluation.scopeTable'), value: 'table' },
              { label: t('evaluation.scopeAll'), value: 'all' },
            ]}
          />
          <Select
            aria-label={t('evaluation.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={[
              { value: 'all', label: t('evaluation.allKinds') },
              ...kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
          />
        </Space>
      </div>
      {ws.plan && ws.year && (
        <ReportsAndSnapshots planId={ws.plan.id} year={ws.year} method={ws.method} scope={scope} />
      )}
      <Card size="small">
        <Typography.Paragraph>{pick(q.data.summary.sentence)}</Typography.Paragraph>
        <Table<IndicatorEvaluation>
          size="small"
          rowKey="code"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('col.code'),
              dataIndex: 'code',
              width: 80,
              sorter: (a, b) => a.code.localeCompare(b.code),
            },
            {
              title: t('col.name'),
              render: (_, i) => {
                const id = q.data.ids[i.code];
                return id ? <Link to={`/indicators/${id}`}>{i.name}</Link> : i.name;
              },
            },
            { title: t('col.attribute'), width: 80, render: (_, i) => t(`attribute.${i.attribute}`) },
            { title: t('col.target'), render: (_, i) => i.targetRaw ?? withUnit(i.target, i.unit) },
            {
              title: t('col.actual'),
              render: (_, i) => (i.actual !== null ? withUnit(i.actual, i.unit) : (i.actualText ?? '—')),
            },
            {
              title: t('col.verdict'),
              width: 120,
              defaultSortOrder: 'ascend',
              sorter: (a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict],
              render: (_, i) => <VerdictTag verdict={i.verdict} />,
            },
            {
              title: t('col.explanation'),
              render: (_, i) => <span className="muted">{pick(i.explanation)}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
