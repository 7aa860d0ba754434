import { SEARCH_QUERY_MAX } from '../../../domain/search.ts';
import { escapeHtml as e } from '../../html.ts';
import type { SearchResult } from '../search/search.schemas.ts';
import { t, type Lang } from './portal.i18n.ts';
import { commentAnchor, itemPagePath } from './portal.links.ts';

/** The visitor's query as typed (trimmed), or why it cannot be searched. */
export function portalQuery(raw: string | undefined): { q: string; error: 'tooLong' | null } {
  const q = (raw ?? '').trim();
  return { q, error: q.length > SEARCH_QUERY_MAX ? 'tooLong' : null };
}

/** The search form of every portal page: a plain GET, so it works without JavaScript. */
export function searchForm(lang: Lang, q = ''): string {
  return `<form class="search" role="search" action="/public/search" method="get"><label for="portal-q" class="sr">${e(
    t(lang, 'searchLabel'),
  )}</label><input id="portal-q" type="search" name="q" value="${e(q)}" maxlength="${SEARCH_QUERY_MAX}" placeholder="${e(
    t(lang, 'searchPlaceholder'),
  )}"><button type="submit">${e(t(lang, 'search'))}</button></form>`;
}

/** The snippet with the phrase marked; everything the visitor or the plan wrote is escaped. */
function marked(h: { snippet: string; highlight: { start: number; end: number } }): string {
  const { snippet: s, highlight: r } = h;
  return `${e(s.slice(0, r.start))}<mark>${e(s.slice(r.start, r.end))}</mark>${e(s.slice(r.end))}`;
}

function section(
  lang: Lang,
  key: 'planText' | 'indicators' | 'projects' | 'comments',
  items: string[],
  n: number,
) {
  if (items.length === 0) return '';
  const more = n > items.length ? `<p class="meta">${e(t(lang, 'searchMore'))}</p>` : '';
  return `<section aria-labelledby="hits-${key}"><h2 id="hits-${key}">${e(t(lang, key))}（${n}）</h2><ol class="hits">${items.join(
    '',
  )}</ol>${more}</section>`;
}

/** 检索结果: plan text with its 篇/章/节 path, indicators, projects and published comments, each linked. */
export function searchPage(lang: Lang, q: string, error: 'tooLong' | null, r: SearchResult | null): string {
  const head = `<h1>${e(t(lang, 'search'))}</h1>${searchForm(lang, q)}`;
  if (error) return `${head}<p class="error" role="alert">${e(t(lang, 'searchTooLong'))}</p>`;
  if (!r) return head;
  if (r.total === 0) return `${head}<p role="status">${e(t(lang, 'searchNone'))}</p>`;
  const li = (href: string, title: string, snippet: string, meta = '') =>
    `<li><a href="${e(href)}">${e(title)}</a>${meta ? ` <span class="meta">${e(meta)}</span>` : ''}<p>${snippet}</p></li>`;
  const nodes = r.nodes.map((n) =>
    li(
      itemPagePath('node', n.id),
      `${n.number ? `${n.number} ` : ''}${n.title}`,
      marked(n),
      n.path.join(' › '),
    ),
  );
  const indicators = r.indicators.map((i) => li(itemPagePath('indicator', i.id), i.title, marked(i), i.code));
  const projects = r.projects.map((p) => li(itemPagePath('project', p.id), p.title, marked(p), p.code));
  const comments = r.comments.map((c) =>
    li(`${itemPagePath(c.targetType, c.targetId)}#${commentAnchor(c.id)}`, c.title, marked(c)),
  );
  return `${head}<p role="status">${e(t(lang, 'searchFound').replace('{n}', String(r.total)))}</p>${section(
    lang,
    'planText',
    nodes,
    r.counts.nodes,
  )}${section(lang, 'indicators', indicators, r.counts.indicators)}${section(
    lang,
    'projects',
    projects,
    r.counts.projects,
  )}${section(lang, 'comments', comments, r.counts.comments)}`;
}
