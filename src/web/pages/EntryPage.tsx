import { Alert, Card, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { useDepartmentName } from '../lib/departmentName.ts';
import { Link, useQueryParam } from '../lib/router.tsx';
import { EntryGrid } from '../modules/entry/EntryGrid.tsx';
import { SheetRoundTrip } from '../modules/entry/SheetRoundTrip.tsx';
import { SubmitDrafts } from '../modules/entry/SubmitDrafts.tsx';
import { useEvaluation, useIndicators } from '../modules/evaluation/queries.ts';
import { byIndicator, usePlanObservations } from '../modules/observations/queries.ts';
import { useSession } from '../modules/session/session.tsx';
import { SignInFirst } from '../modules/session/SignInFirst.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

export default function EntryPage() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  const planId = ws.plan?.id ?? null;
  const department = user?.role === 'department';
  const indQ = useIndicators(planId);
  const evalQ = useEvaluation(planId, ws.year, 'time', 'all');
  const obsQ = usePlanObservations(planId, true, department);
  const [period, setPeriod] = useQueryParam('period'); // kept in the address: a reload stays on the period
  const activePeriod = period ?? String(ws.year ?? '');

  const mine = useMemo(() => {
    const codes = new Set((user?.departments ?? []).map((d) => d.code));
    return (indQ.data?.items ?? []).filter((i) => i.departments.some((d) => codes.has(d.code)));
  }, [indQ.data, user]);
  const observations = useMemo(() => byIndicator(obsQ.data), [obsQ.data]);
  const drafts = useMemo(() => {
    const own = new Set(mine.map((i) => i.id));
    return (obsQ.data ?? []).filter((o) => o.status === 'draft' && own.has(o.indicatorId)).length;
  }, [obsQ.data, mine]);
  const evaluations = useMemo(
    () => new Map((evalQ.data?.indicators ?? []).map((e) => [e.code, e])),
    [evalQ.data],
  );

  if (loading) return <Loading />;
  if (!user) return <SignInFirst next="/entry" />;
  if (!department) {
    return (
      <Card>
        <EmptyState>
          {t('entry.departmentsOnly')} <Link to="/inbox">{t('nav.inbox')}</Link>
        </EmptyState>
      </Card>
    );
  }
  if (indQ.error) return <ErrorState error={indQ.error} />;
  if (!indQ.data || !planId) return <Loading />;

  return (
    <div>
      <div className="page-title">
        <div>
          <h1>{t('entry.title')}</h1>
          <Typography.Text type="secondary">
            {user.departments.map(deptName).join(t('common.listSep'))}
          </Typography.Text>
        </div>
        <Space>
          <span>{t('entry.period')}</span>
          <Select
            aria-label={t('entry.period')}
            value={activePeriod}
            onChange={setPeriod}
            style={{ width: 110 }}
            options={ws.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SubmitDrafts planId={planId} drafts={drafts} />
        </Space>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('entry.help')} />
      <SheetRoundTrip planId={planId} departments={user.departments} />
      <Card size="small">
        {mine.length === 0 ? (
          <EmptyState>{t('entry.none')}</EmptyState>
        ) : (
          <EntryGrid
            planId={planId}
            period={activePeriod}
            indicators={mine}
            observations={observations}
            evaluations={evaluations}
          />
        )}
      </Card>
    </div>
  );
}
