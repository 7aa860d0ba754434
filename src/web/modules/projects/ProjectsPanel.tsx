import { Statistic, Table, Row, Col } from 'antd';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/types.ts';
import { EmptyState } from '../../ui/states.tsx';

/** 重大项目库 at a glance: count, total investment, and the biggest projects with their area. */
export function ProjectsPanel({ projects }: { projects: Project[] }) {
  const { t } = useI18n();
  if (projects.length === 0) return <EmptyState>{t('projects.none')}</EmptyState>;
  const yi = projects.filter((p) => p.totalInvestment !== null && (p.investmentUnit ?? '亿元') === '亿元');
  const total = yi.reduce((s, p) => s + (p.totalInvestment ?? 0), 0);
  const rows = [...projects]
    .sort((a, b) => (b.totalInvestment ?? -1) - (a.totalInvestment ?? -1))
    .slice(0, 6);
  return (
    <div data-testid="projects-panel">
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Statistic title={t('projects.count')} value={projects.length} />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('projects.total', { n: yi.length })}
            value={fmt(total)}
            suffix={t('projects.yi')}
          />
        </Col>
      </Row>
      <Table<Project>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('projects.name'), dataIndex: 'name' },
          { title: t('projects.area'), render: (_, p) => p.spatialUnitName ?? '—' },
          {
            title: t('projects.investment'),
            align: 'right',
            render: (_, p) =>
              p.totalInvestment !== null ? `${fmt(p.totalInvestment)} ${p.investmentUnit ?? ''}` : '—',
          },
          {
            title: t('projects.years'),
            render: (_, p) => (p.startYear ? `${p.startYear}–${p.endYear ?? ''}` : '—'),
          },
        ]}
      />
    </div>
  );
}
