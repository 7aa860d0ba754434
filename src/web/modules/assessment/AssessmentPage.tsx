import { App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { localTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useSession } from '../session/session.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { AdjustDialog } from './AdjustDialog.tsx';
import { useAdjustmentAudit, useAssessment, type DepartmentScore } from './api.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * 部门考核 (issue 16 §6): the year's department scores, each with its breakdown and the items behind every point
 * lost; the joint assessment team (assessors) adjusts a score with a reason, and the office and the team see the
 * adjustments' audit entries.
 */
export default function AssessmentPage() {
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const { user } = useSession();
  const { plan, year } = useWorkspace();
  const bi = lang === 'en' ? 'en' : 'zh';
  const q = useAssessment(plan?.id ?? null, year);
  const mayAdjust = user?.role === 'assessor';
  const mayAudit = user?.role === 'assessor' || user?.role === 'admin';
  const audit = useAdjustmentAudit(mayAudit);
  const [adjusting, setAdjusting] = useState<DepartmentScore | null>(null);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data || !plan || year === null) return <Loading />;
  const log = (audit.data?.items ?? []).filter((a) => a.after?.planId === plan.id && a.after?.year === year);
  return (
    <div data-testid="assessment-page">
      <div className="page-title">
        <h1>{t('assessment.title')}</h1>
        <Typography.Text type="secondary">
          {year} · {t('assessment.asOf', { date: q.data.asOf })}
        </Typography.Text>
        <a href={`/api/plans/${plan.id}/assessment.xlsx?year=${year}`}>{t('assessment.export')}</a>
      </div>
      <Card size="small">
        {q.data.departments.length === 0 ? (
          <Empty />
        ) : (
          <Table<DepartmentScore>
            rowKey={(d) => d.department.id}
            dataSource={q.data.departments}
            pagination={false}
            onRow={(d) => ({ 'data-department': d.department.code }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (d) => (
                <div data-testid={`breakdown-${d.department.code}`}>
                  <Typography.Title level={2} style={{ fontSize: 14 }}>
                    {t('assessment.breakdown')}
                  </Typography.Title>
                  <ul>
                    {d.criteria.map((c) => (
                      <li key={c.criterion} data-criterion={c.criterion}>
                        <strong>
                          {c.title[bi]} {c.points}/{c.weight}
                        </strong>
                        {!c.applicable && <Tag>{t('assessment.notApplicable')}</Tag>}
                        <ul>
                          {c.losses.map((l) => (
                            <li key={l.title + l.link}>
                              <a href={l.link}>{l.title}</a> — {l.reason[bi]} (−{l.lost})
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                  {d.adjustments.length > 0 && (
                    <>
                      <Typography.Title level={2} style={{ fontSize: 14 }}>
                        {t('assessment.adjustments')}
                      </Typography.Title>
                      <ul data-testid={`adjustments-${d.department.code}`}>
                        {d.adjustments.map((a) => (
                          <li key={a.at}>
                            {lang === 'en'
                              ? `${signed(a.points)}: ${a.reason} (${a.by}, ${localTime(a.at, lang)})`
                              : `${signed(a.points)}：${a.reason}（${a.by}，${localTime(a.at, lang)}）`}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              ),
            }}
            columns={[
              { title: t('assessment.rank'), dataIndex: 'rank', width: 70 },
              { title: t('assessment.department'), render: (_, d) => deptName(d.department) },
              ...(q.data.departments[0]?.criteria ?? []).map((c, k) => ({
                key: c.criterion,
                title: t('common.withNote', { text: c.title[bi], note: c.weight }),
                render: (_: unknown, d: DepartmentScore) => d.criteria[k]?.points ?? '—',
              })),
              { title: t('assessment.base'), dataIndex: 'base' },
              {
                title: t('assessment.adjustment'),
                render: (_, d) => (d.adjustment === 0 ? '0' : signed(d.adjustment)),
              },
              {
                title: t('assessment.score'),
                render: (_, d) => <strong data-testid={`score-${d.department.code}`}>{d.score}</strong>,
              },
              ...(mayAdjust
                ? [
                    {
                      key: 'adjust',
                      title: t('assessment.adjust'),
                      render: (_: unknown, d: DepartmentScore) => (
                        <Button size="small" onClick={() => setAdjusting(d)}>
                          {t('assessment.adjust')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {mayAudit && (
        <Card size="small" title={t('assessment.log')} style={{ marginTop: 16 }}>
          <Table
            data-testid="assessment-audit"
            rowKey="id"
            size="small"
            pagination={false}
            loading={audit.isLoading}
            dataSource={log}
            locale={{ emptyText: audit.error ? audit.error.message : t('assessment.logEmpty') }}
            columns={[
              { title: t('assessment.col.at'), render: (_, a) => localTime(a.at, lang) },
              { title: t('assessment.col.actor'), dataIndex: 'actor' },
              { title: t('assessment.department'), render: (_, a) => deptName(a.after?.department) },
              { title: t('assessment.col.points'), render: (_, a) => signed(a.after?.points ?? 0) },
              { title: t('assessment.col.reason'), render: (_, a) => a.after?.reason ?? '' },
            ]}
          />
        </Card>
      )}
      {adjusting && (
        <AdjustDialog
          planId={plan.id}
          year={year}
          target={adjusting}
          onClose={() => setAdjusting(null)}
          onDone={(score) => {
            setAdjusting(null);
            void message.success(
              t('assessment.adjusted', { department: deptName(score.department), score: score.score }),
            );
          }}
        />
      )}
    </div>
  );
}
