import { Button, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fmt, localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { ProjectDetail, SessionUser } from '../../lib/types.ts';
import { EmptyState } from '../../ui/states.tsx';
import { InvestmentDialog } from './InvestmentDialog.tsx';
import { ProgressDialog } from './ProgressDialog.tsx';

type Investment = ProjectDetail['investments'][number];

/** Admins and the users of the project's lead department report its investment and progress (the API's rule). */
export function canReportProject(user: SessionUser | null, p: ProjectDetail): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'department' && user.departments.some((d) => d.code === p.leadDepartmentCode);
}

/** A project's reported figures — investment per year and quarterly progress — and, for who may, the entry. */
export function ProjectFigures({
  project: p,
  user,
  year,
}: {
  project: ProjectDetail;
  user: SessionUser | null;
  year: number;
}) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'investment' | 'progress' | null>(null);
  const unit = p.investmentUnit ?? t('projects.yi');
  const canReport = canReportProject(user, p);
  const amount = (n: number | null) => (n === null ? '—' : `${fmt(n)} ${unit}`);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {canReport && (
        <Space wrap>
          <Button type="primary" onClick={() => setDialog('investment')} data-testid="open-investment">
            {t('projects.invest.open')}
          </Button>
          <Button onClick={() => setDialog('progress')} data-testid="open-progress">
            {t('projects.progress.open')}
          </Button>
        </Space>
      )}
      <Table<Investment>
        size="small"
        rowKey="year"
        pagination={false}
        data-testid="investment-table"
        dataSource={p.investments}
        locale={{ emptyText: t('projects.noInvestments') }}
        columns={[
          { title: t('projects.invest.year'), dataIndex: 'year', width: 72 },
          { title: t('projects.planned'), align: 'right', render: (_, i) => amount(i.planned) },
          { title: t('projects.completed'), align: 'right', render: (_, i) => amount(i.completed) },
          {
            title: t('projects.completion'),
            align: 'right',
            render: (_, i) => (i.completionRate === null ? '—' : `${fmt(i.completionRate, 1)}%`),
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('projects.progress.list')}
      </Typography.Title>
      {p.progress.length === 0 ? (
        <EmptyState>{t('projects.progress.none')}</EmptyState>
      ) : (
        <List
          size="small"
          data-testid="progress-list"
          dataSource={[...p.progress].sort((a, b) => b.year - a.year || b.quarter - a.quarter)}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Text strong>
                    {t('projects.progress.period', { year: r.year, quarter: r.quarter })}
                  </Typography.Text>
                  {r.stage && <Tag>{t(`stage.${r.stage}`)}</Tag>}
                  {r.percent !== null && <span>{fmt(r.percent, 1)}%</span>}
                  <span className="muted">
                    {localDate(r.createdAt)} · {r.byEmail ?? ''}
                  </span>
                </Space>
                <span>{r.text}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canReport && (
        <>
          <InvestmentDialog
            project={p}
            unit={unit}
            defaultYear={year}
            open={dialog === 'investment'}
            onClose={() => setDialog(null)}
          />
          <ProgressDialog
            project={p}
            defaultYear={year}
            open={dialog === 'progress'}
            onClose={() => setDialog(null)}
          />
        </>
      )}
    </Space>
  );
}
