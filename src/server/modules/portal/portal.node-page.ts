import type { NodeRow } from '../../../db/repositories/plans.repository.ts';
import { escapeHtml as e } from '../../html.ts';
import { t, type Lang } from './portal.i18n.ts';
import { itemPagePath } from './portal.links.ts';

const heading = (n: Pick<NodeRow, 'number' | 'title'>) => `${n.number ? `${n.number} ` : ''}${n.title}`;

/** A part, chapter, section or task of the plan: where it sits, its text, what it contains, its comments. */
export function nodePage(
  lang: Lang,
  plan: { title: string },
  nodes: readonly NodeRow[],
  node: NodeRow,
  comments: string,
): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const trail: NodeRow[] = [];
  for (let up = node.parentId ? byId.get(node.parentId) : undefined; up;) {
    trail.unshift(up);
    up = up.parentId ? byId.get(up.parentId) : undefined;
  }
  const crumbs = [`<a href="/public">${e(plan.title)}</a>`]
    .concat(trail.map((n) => `<a href="${itemPagePath('node', n.id)}">${e(heading(n))}</a>`))
    .join(' › ');
  const children = nodes.filter((n) => n.parentId === node.id);
  const body = (node.body ?? '')
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${e(p)}</p>`)
    .join('');
  const list = children.length
    ? `<section aria-labelledby="contents"><h2 id="contents">${e(t(lang, 'contents'))}</h2><ol class="nodes">${children
        .map((n) => `<li><a href="${itemPagePath('node', n.id)}">${e(heading(n))}</a></li>`)
        .join('')}</ol></section>`
    : '';
  return `<p class="meta">${crumbs}</p><h1>${e(heading(node))}</h1>${body}${list}${comments}`;
}
