import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { zoneLabel } from '../../../domain/time.ts';
import { localTime, timeZoneNow } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useQueryParam } from '../../lib/router.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { PAGE_SIZE, useAuditFacets, useAuditPage, type AuditEntry, type AuditFilters } from './api.ts';
import { actionWords, actorWords, auditDetail, entityWords } from './describe.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters kept in the address, so a reload or a shared link shows the same entries. */
function useFilters() {
  const [actor, setActor] = useQueryParam('actor');
  const [action, setAction] = useQueryParam('action');
  const [entity, setEntity] = useQueryParam('entity');
  const [from, setFrom] = useQueryParam('from');
  const [to, setTo] = useQueryParam('to');
  const [page, setPage] = useQueryParam('page');
  const filters: AuditFilters = {
    actor,
    action,
    entity,
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
  };
  const pageNo = Math.max(1, Number.parseInt(page ?? '1', 10) || 1);
  // a new filter shows its first page
  const reset =
    (set: (v: string | null) => void) =>
    (v: string | null | undefined): void => {
      set(v || null);
      setPage(null);
    };
  return {
    filters,
    page: pageNo,
    setPage: (n: number) => setPage(n === 1 ? null : String(n)),
    set: {
      actor: reset(setActor),
      action: reset(setAction),
      entity: reset(setEntity),
      from: reset(setFrom),
      to: reset(setTo),
    },
  };
}

/**
 * The audit log (issue 17): who did what and when, filtered by who, what (action, record kind) and when (a range
 * of days in the installation's time zone), a page at a time. Every entry in words; codes only where the log holds no words.
 */
export function AuditLog() {
  const { t, lang } = useI18n();
  const { filters, page, setPage, set } = useFilters();
  const facets = useAuditFacets();
  const list = useAuditPage(filters, page);
  /** One facet's select: the codes the log holds, each in words, kept in the address. */
  const facetSelect = (
    facet: 'actor' | 'action' | 'entity',
    width: number,
    codes: string[] | undefined,
    label: (c: string) => string,
  ) => (
    <Select
      aria-label={t(`audit.filter.${facet}`)}
      placeholder={t(`audit.filter.${facet}`)}
      style={{ minWidth: width }}
      allowClear
      showSearch
      optionFilterProp="label"
      value={filters[facet] ?? undefined}
      onChange={(v?: string) => set[facet](v)}
      options={(codes ?? []).map((c) => ({ value: c, label: label(c) }))}
    />
  );
  /** One end of the range of days, kept in the address. */
  const dayInput = (end: 'from' | 'to') => (
    <label className="audit-day">
      {t(`audit.filter.${end}`)}{' '}
      <Input
        type="date"
        style={{ width: 160 }}
        value={filters[end] ?? ''}
        onChange={(e) => set[end](e.target.value)}
        data-testid={`audit-${end}`}
      />
    </label>
  );
  const any = Object.values(filters).some((v) => v !== null);
  const clear = () => {
    for (const s of Object.values(set)) s(null);
  };
  const reversed = !!filters.from && !!filters.to && filters.from > filters.to;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" data-testid="audit-filters">
        <Space wrap size={12}>
          {facetSelect('actor', 220, facets.data?.actors, (c) => actorWords(t, c))}
          {facetSelect('action', 160, facets.data?.actions, (c) => actionWords(t, c))}
          {facetSelect('entity', 160, facets.data?.entities, (c) => entityWords(t, c))}
          {dayInput('from')}
          {dayInput('to')}
          <Button onClick={clear} disabled={!any}>
            {t('audit.filter.clear')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('audit.zoneNote', { zone: zoneLabel(timeZoneNow())[lang === 'en' ? 'en' : 'zh'] })}
        </Typography.Paragraph>
      </Card>
      <ListTable<AuditEntry>
        error={reversed ? new Error(t('audit.reversed')) : list.error}
        data-testid="audit-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('audit.total', { n: total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('audit.col.at'), render: (_, e) => localTime(e.at, lang), width: 190 },
          { title: t('audit.col.actor'), render: (_, e) => actorWords(t, e.actor) },
          { title: t('audit.col.action'), render: (_, e) => actionWords(t, e.action) },
          { title: t('audit.col.entity'), render: (_, e) => entityWords(t, e.entity) },
          { title: t('audit.col.detail'), render: (_, e) => auditDetail(t, e) },
        ]}
      />
    </Space>
  );
}
