import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../lib/api.ts';
import { fmt } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import type { Project, ProjectDetail } from '../lib/types.ts';
import { LayoutMap } from '../modules/map/LayoutMap.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { Chart } from '../ui/charts/index.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['plan', 'project', id],
    queryFn: ({ signal }) => api<ProjectDetail>(`/api/projects/${id ?? ''}`, { signal }),
    enabled: !!id,
  });
  const p = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={560} title={p?.name ?? t('common.loading')}>
      {q.error ? (
        <ErrorState error={q.error} />
      ) : !p ? (
        <Loading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="project-detail">
          {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('projects.category')}>{p.category ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.stage')}>{p.stage ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.area')}>{p.spatialUnitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.lead')}>
              {p.leadUnit ?? p.leadDepartmentCode ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.investment')}>
              {p.totalInvestment !== null ? `${fmt(p.totalInvestment)} ${p.investmentUnit ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.years')}>
              {p.startYear ? `${p.startYear}–${p.endYear ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.completion')}>
              {p.completionRate !== null ? `${fmt(p.completionRate, 1)}%` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('projects.investmentChart')}</Typography.Title>
          {p.investments.length === 0 ? (
            <EmptyState>{t('projects.noInvestments')}</EmptyState>
          ) : (
            <Chart
              height={260}
              label={t('projects.investmentChart')}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 36, bottom: 28 },
                xAxis: { type: 'category', data: p.investments.map((i) => String(i.year)) },
                yAxis: { type: 'value', name: p.investmentUnit ?? '' },
                series: [
                  {
                    name: t('projects.planned'),
                    type: 'bar',
                    data: p.investments.map((i) => i.planned),
                    itemStyle: { color: '#b5cdfd' },
                  },
                  {
                    name: t('projects.completed'),
                    type: 'bar',
                    data: p.investments.map((i) => i.completed),
                    itemStyle: { color: '#1664ff' },
                  },
                ],
              }}
            />
          )}
          {p.links.length > 0 && (
            <List
              size="small"
              header={t('projects.links')}
              dataSource={p.links}
              renderItem={(l) => (
                <List.Item>
                  {l.indicatorId ? (
                    <Link to={`/indicators/${l.indicatorId}`}>
                      {l.indicatorCode} {l.indicatorName}
                    </Link>
                  ) : l.nodeId ? (
                    <Link to={`/plan/${l.nodeId}`}>{l.nodeTitle}</Link>
                  ) : null}
                </List.Item>
              )}
            />
          )}
          {p.nodeId && <Link to={`/plan/${p.nodeId}`}>{t('ind.openNode')}</Link>}
          {p.history.length > 0 && (
            <List
              size="small"
              header={t('projects.history')}
              dataSource={p.history}
              renderItem={(h) => (
                <List.Item>
                  <Tag color={h.action === 'enter' ? 'green' : 'default'}>{t(`projects.${h.action}`)}</Tag>
                  {h.date} · {h.reason}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

export default function ProjectsPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const q = useProjects(ws.plan?.id ?? null);
  const [category, setCategory] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const all = q.data;
  const rows = all.filter(
    (p) => (!category || p.category === category) && (!area || p.spatialUnitCode === area),
  );
  const categories = [...new Set(all.map((p) => p.category).filter((c): c is string => !!c))];
  const areas = [
    ...new Map(
      all.filter((p) => p.spatialUnitCode).map((p) => [p.spatialUnitCode ?? '', p.spatialUnitName ?? '']),
    ).entries(),
  ];
  return (
    <div>
      <div className="page-title">
        <h1>{t('projects.title')}</h1>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('projects.category')}
            placeholder={t('projects.category')}
            value={category}
            onChange={(v) => setCategory(v ?? null)}
            style={{ width: 180 }}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
          <Select
            allowClear
            aria-label={t('projects.area')}
            placeholder={t('projects.area')}
            value={area}
            onChange={(v) => setArea(v ?? null)}
            style={{ width: 200 }}
            options={areas.map(([code, name]) => ({ value: code, label: name }))}
          />
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
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
                  onClick={() => setOpen(p.id)}
                >
                  {p.name}
                </Button>
              ),
            },
            { title: t('projects.category'), dataIndex: 'category' },
            { title: t('projects.area'), render: (_, p) => p.spatialUnitName ?? '—' },
            { title: t('projects.stage'), render: (_, p) => p.stage ?? '—' },
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
      </Card>
      <Card size="small" title={t('dashboard.map')}>
        <LayoutMap
          height={420}
          projects={rows}
          onSelect={(code) => setArea(code.startsWith('A-') ? code : null)}
        />
        <div className="schematic-note">{t('map.schematic')}</div>
      </Card>
      <ProjectDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
