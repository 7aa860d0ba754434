import { Card, Segmented, Select, Space, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { useQueryParam } from '../lib/router.tsx';
import { ReportsAndSnapshots } from '../modules/evaluation-cycles/Snapshots.tsx';
import { EvaluationTable } from '../modules/evaluation/EvaluationTable.tsx';
import { useEvaluation, type Scope } from '../modules/evaluation/queries.ts';
import { MethodSwitch } from '../modules/workspace/MethodSwitch.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

export default function EvaluationPage() {
  const { t, pick } = useI18n();
  const ws = useWorkspace();
  // scope and kind live in the address with the plan, year and method (a reload keeps the view)
  const [scopeParam, setScopeParam] = useQueryParam('scope');
  const scope: Scope = scopeParam === 'all' ? 'all' : 'table';
  const setScope = (s: Scope) => setScopeParam(s === 'table' ? null : s);
  const [kindParam, setKindParam] = useQueryParam('kind');
  const kind = kindParam ?? 'all';
  const setKind = (k: string) => setKindParam(k === 'all' ? null : k);
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
        <EvaluationTable ev={q.data} rows={rows} />
      </Card>
    </div>
  );
}
