import { Button, Table } from 'antd';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/types.ts';

/** The project library as a table; a name opens the project. */
export function ProjectTable({ rows, onOpen }: { rows: Project[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Table<Project>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 800 }}
      columns={[
        { title: t('col.code'), dataIndex: 'code', width: 80 },
        {
          title: t('projects.name'),
          render: (_, p) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => onOpen(p.id)}
            >
              {p.name}
            </Button>
          ),
        },
        { title: t('projects.category'), dataIndex: 'category' },
        { title: t('projects.area'), render: (_, p) => p.spatialUnitName ?? '—' },
        { title: t('projects.stage'), render: (_, p) => (p.stage ? t(`stage.${p.stage}`) : '—') },
        {
          title: t('projects.investment'),
          align: 'right',
          sorter: (a, b) => (a.totalInvestment ?? -1) - (b.totalInvestment ?? -1),
          render: (_, p) =>
            p.totalInvestment !== null ? `${fmt(p.totalInvestment)} ${p.investmentUnit ?? ''}` : '—',
        },
        {
          title: t('projects.years'),
          render: (_, p) => (p.startYear ? `${p.startYear}–${p.endYear ?? ''}` : '—'),
        },
      ]}
    />
  );
}
