import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate, useLocation } from '../../lib/router.tsx';
import { SEARCH_QUERY_MAX } from '../../lib/rules.ts';

/** The header's search field: Enter opens the results page for the workspace's plan. */
export function SearchBox() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const current = path === '/search' ? (search.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  return (
    <Input.Search
      className="search-box"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      allowClear
      maxLength={SEARCH_QUERY_MAX}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => {
        const q = v.trim();
        if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
      style={{ width: 'min(240px, 60vw)' }}
    />
  );
}
