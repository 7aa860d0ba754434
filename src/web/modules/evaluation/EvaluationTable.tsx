import { Table } from 'antd';
import { withUnit } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { SEVERITY } from '../../lib/rules.ts';
import type { IndicatorEvaluation, PlanEvaluation } from '../../lib/types.ts';
import { VerdictTag } from '../../ui/verdict.tsx';

/** Every indicator judged for the year: target, actual, verdict and why, worst first. */
export function EvaluationTable({ ev, rows }: { ev: PlanEvaluation; rows: IndicatorEvaluation[] }) {
  const { t, pick } = useI18n();
  return (
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
            const id = ev.ids[i.code];
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
          render: (_, i) => <VerdictTag verdict={i.verdict} unreportedYear={i.unreportedYear} />,
        },
        {
          title: t('col.explanation'),
          render: (_, i) => <span className="muted">{pick(i.explanation)}</span>,
        },
      ]}
    />
  );
}
