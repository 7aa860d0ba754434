import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';

type Bilingual = { zh: string; en: string };

interface CriterionScore {
  criterion: string;
  title: Bilingual;
  weight: number;
  applicable: boolean;
  items: number;
  met: number;
  points: number;
  lost: number;
  losses: { title: string; link: string; reason: Bilingual; lost: number }[];
}

interface DepartmentScore {
  department: { id: string; code: string; name: string };
  rank: number;
  base: number;
  adjustment: number;
  score: number;
  criteria: CriterionScore[];
  adjustments: { points: number; reason: string; by: string; at: string }[];
}

/** 部门考核 (issue 16 §6): the year's department scores, each with its breakdown and the items behind every point lost. */
export default function AssessmentPage() {
  const { t, lang } = useI18n();
  const { plan, year } = useWorkspace();
  const bi = lang === 'en' ? 'en' : 'zh';
  const q = useQuery({
    queryKey: ['bo', 'assessment', plan?.id ?? '', year ?? 0],
    enabled: !!plan && year !== null,
    queryFn: () =>
      api<{ asOf: string; departments: DepartmentScore[] }>(`/api/plans/${plan!.id}/assessment?year=${year}`),
  });
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  return (
    <div data-testid="assessment-page">
      <div className="page-title">
        <h1>{t('assessment.title')}</h1>
        {plan && year !== null && (
          <a href={`/api/plans/${plan.id}/assessment.xlsx?year=${year}`}>{t('assessment.export')}</a>
        )}
      </div>
      <Card size="small">
        {q.data.departments.length === 0 ? (
          <Empty />
        ) : (
          <Table<DepartmentScore>
            rowKey={(d) => d.department.id}
            dataSource={q.data.departments}
            pagination={false}
            expandable={{
              expandedRowRender: (d) => (
                <ul>
                  {d.criteria.map((c) => (
                    <li key={c.criterion}>
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
                  {d.adjustments.map((a) => (
                    <li key={a.at}>
                      {t('assessment.adjustment')} {a.points > 0 ? `+${a.points}` : a.points}: {a.reason} (
                      {a.by})
                    </li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: t('assessment.rank'), dataIndex: 'rank', width: 70 },
              { title: t('assessment.department'), render: (_, d) => d.department.name },
              ...(q.data.departments[0]?.criteria ?? []).map((c, k) => ({
                key: c.criterion,
                title: `${c.title[bi]}（${c.weight}）`,
                render: (_: unknown, d: DepartmentScore) => d.criteria[k]?.points ?? '—',
              })),
              { title: t('assessment.adjustment'), dataIndex: 'adjustment' },
              { title: t('assessment.score'), render: (_, d) => <strong>{d.score}</strong> },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
