import { Card, List, Space } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import type { IndicatorEvaluation, PlanEvaluation } from '../../lib/types.ts';
import { EmptyState } from '../../ui/states.tsx';
import { VerdictTag } from '../../ui/verdict.tsx';
import { behindFirst } from './model.ts';

function NameLink({ ev, i }: { ev: PlanEvaluation; i: IndicatorEvaluation }) {
  const id = ev.ids[i.code];
  return id ? <Link to={`/indicators/${id}`}>{i.name}</Link> : <>{i.name}</>;
}

/** 约束性指标: every binding indicator with its verdict. */
export function BindingPanel({ ev }: { ev: PlanEvaluation }) {
  const { t } = useI18n();
  const binding = ev.indicators.filter((i) => i.attribute === 'binding');
  return (
    <Card title={t('dashboard.binding', { n: binding.length })} size="small" data-testid="binding-panel">
      <List
        size="small"
        dataSource={binding}
        locale={{ emptyText: t('dashboard.noBinding') }}
        renderItem={(i) => (
          <List.Item extra={<VerdictTag verdict={i.verdict} unreportedYear={i.unreportedYear} />}>
            <NameLink ev={ev} i={i} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The indicators behind schedule, worst first, with the engine's explanation. */
export function LaggingPanel({ ev }: { ev: PlanEvaluation }) {
  const { t, pick } = useI18n();
  const behind = behindFirst(ev.indicators);
  return (
    <Card title={t('dashboard.lagging', { n: behind.length })} size="small" data-testid="lagging-panel">
      {behind.length === 0 ? (
        <EmptyState>{t('dashboard.noLagging')}</EmptyState>
      ) : (
        behind.slice(0, 8).map((i) => (
          <div className="lagging-item" key={i.code}>
            <Space size={6}>
              <VerdictTag verdict={i.verdict} unreportedYear={i.unreportedYear} />
              <NameLink ev={ev} i={i} />
            </Space>
            <div className="muted">{pick(i.explanation)}</div>
          </div>
        ))
      )}
    </Card>
  );
}
