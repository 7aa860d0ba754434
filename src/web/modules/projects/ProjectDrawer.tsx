import { Descriptions, Drawer, List, Space, Tag, Typography } from 'antd';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { Chart } from '../../ui/charts/index.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { useSession } from '../session/session.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { ProjectFigures } from './ProjectFigures.tsx';
import { useProject } from './queries.ts';

/** One project: its facts, planned vs completed investment per year, links, library history. */
export function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useProject(id);
  const { user } = useSession();
  const ws = useWorkspace();
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
            <Descriptions.Item label={t('projects.stage')}>
              {p.stage ? t(`stage.${p.stage}`) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.area')}>{p.spatialUnitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.lead')}>
              {p.leadUnit ?? p.leadDepartmentName ?? '—'}
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
          <ProjectFigures project={p} user={user} year={ws.year ?? new Date().getFullYear()} />
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
