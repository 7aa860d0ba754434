import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { isBehind } from '../../lib/rules.ts';
import type { PlanEvaluation } from '../../lib/types.ts';
import { FilterCard } from '../../ui/FilterCard.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useIndicators, useSeries } from '../evaluation/queries.ts';
import { IndicatorCard } from './IndicatorCard.tsx';

type Filter = 'all' | 'binding' | 'behind';

/** One card per indicator (verdict, sparkline, actual and target), filtered to binding or behind ones. */
export function IndicatorCards({ ev, planId }: { ev: PlanEvaluation; planId: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const indQ = useIndicators(planId);
  const series = useSeries(planId, ev.year);
  const byCode = new Map((indQ.data?.items ?? []).map((i) => [i.code, i]));
  const cards = ev.indicators.filter((i) =>
    filter === 'binding' ? i.attribute === 'binding' : filter === 'behind' ? isBehind(i.verdict) : true,
  );
  return (
    <FilterCard<Filter>
      style={{ marginTop: 16 }}
      title={t('dashboard.cards')}
      value={filter}
      onChange={setFilter}
      options={[
        { label: t('filter.all'), value: 'all' },
        { label: t('filter.binding'), value: 'binding' },
        { label: t('filter.behind'), value: 'behind' },
      ]}
    >
      {cards.length === 0 ? (
        <EmptyState>{t('dashboard.noCards')}</EmptyState>
      ) : (
        <div className="indicator-grid">
          {cards.map((i) => (
            <IndicatorCard
              key={i.code}
              ev={i}
              indicator={byCode.get(i.code)}
              series={series.byCode.get(i.code)}
              id={ev.ids[i.code]}
            />
          ))}
        </div>
      )}
    </FilterCard>
  );
}
