import { Card, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { Link, useLocation } from '../../lib/router.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { Highlighted } from './Highlighted.tsx';
import { useSearch, type SearchResult } from './search.api.ts';

type Hit = { id: string; title: string; snippet: string; highlight: { start: number; end: number } };

function Group<T extends Hit>({
  title,
  count,
  items,
  link,
  extra,
}: {
  title: string;
  count: number;
  items: T[];
  link: (h: T) => string;
  extra?: (h: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Card
      size="small"
      title={t('common.withNote', { text: title, note: count })}
      data-testid={`search-group-${title}`}
    >
      <List
        dataSource={items}
        renderItem={(h) => (
          <List.Item key={h.id} data-hit={h.id}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={6}>
                <Link to={link(h)}>
                  <Typography.Text strong>{h.title}</Typography.Text>
                </Link>
                {extra?.(h)}
              </Space>
              <Typography.Text type="secondary">
                <Highlighted text={h.snippet} start={h.highlight.start} end={h.highlight.end} />
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {items.length < count && (
        <Typography.Text type="secondary">{t('search.more', { shown: items.length, count })}</Typography.Text>
      )}
    </Card>
  );
}

const KIND_KEYS: Record<SearchResult['nodes'][number]['kind'], MessageKey> = {
  preamble: 'search.kind.preamble',
  part: 'search.kind.part',
  chapter: 'search.kind.chapter',
  section: 'search.kind.section',
  task: 'search.kind.task',
  box: 'search.kind.box',
  figure: 'search.kind.figure',
};

/** 全文检索: where a phrase occurs in the plan — text, indicators, projects, published comments. */
export default function SearchPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const q = (search.get('q') ?? '').trim();
  const ws = useWorkspace();
  const res = useSearch(ws.plan?.id ?? null, q);
  if (!q) return <EmptyState>{t('search.prompt')}</EmptyState>;
  if (res.error) return <ErrorState error={res.error} />;
  if (!res.data) return <Loading />;
  const r = res.data;
  return (
    <div data-testid="search-page">
      <div className="page-title">
        <h1>{t('search.title', { q })}</h1>
        <Typography.Text type="secondary">{t('search.total', { count: r.total })}</Typography.Text>
      </div>
      {r.total === 0 ? (
        <EmptyState>{t('search.none', { q })}</EmptyState>
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Group
            title={t('search.nodes')}
            count={r.counts.nodes}
            items={r.nodes}
            link={(h) => `/plan/${h.id}`}
            extra={(h) => (
              <>
                <Tag>{t(KIND_KEYS[h.kind])}</Tag>
                {h.path.length > 0 && (
                  <Typography.Text type="secondary">{h.path.join(' › ')}</Typography.Text>
                )}
              </>
            )}
          />
          <Group
            title={t('search.indicators')}
            count={r.counts.indicators}
            items={r.indicators}
            link={(h) => `/indicators/${h.id}`}
            extra={(h) => <Tag>{h.code}</Tag>}
          />
          <Group
            title={t('search.projects')}
            count={r.counts.projects}
            items={r.projects}
            link={(h) => `/projects?id=${h.id}`}
            extra={(h) => <Tag>{h.code}</Tag>}
          />
          <Group
            title={t('search.comments')}
            count={r.counts.comments}
            items={r.comments}
            link={(h) =>
              h.targetType === 'indicator'
                ? `/indicators/${h.targetId}`
                : h.targetType === 'node'
                  ? `/plan/${h.targetId}`
                  : `/projects?id=${h.targetId}`
            }
            extra={(h) => h.field === 'reply' && <Tag color="blue">{t('search.inReply')}</Tag>}
          />
        </Space>
      )}
    </div>
  );
}
