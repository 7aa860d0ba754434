import type { NodeRow } from '../../../db/repositories/plans.repository.ts';
import { escapeHtml as e } from '../../html.ts';
import { t, type Lang } from './portal.i18n.ts';
import { itemPagePath } from './portal.links.ts';
import {
  nodeHeading as heading,
  taskProgressSection,
  taskStateLine,
  type LatestByNode,
  type PublicTaskWork,
} from './portal.task-page.ts';

/**
 * A part, chapter, section or task of the plan: where it sits, its text, what it contains (tasks with their
 * reported state), a task's reported progress, its comments.
 */
export function nodePage(
  lang: Lang,
  page: {
    plan: { title: string };
    nodes: readonly NodeRow[];
    node: NodeRow;
    /** A task's reports and milestones; null for other nodes. */
    progress: PublicTaskWork | null;
    latest: LatestByNode;
  },
  comments: string,
): string {
  const { plan, nodes, node, progress, latest } = page;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const trail: NodeRow[] = [];
  for (let up = node.parentId ? byId.get(node.parentId) : undefined; up;) {
    trail.unshift(up);
    up = up.parentId ? byId.get(up.parentId) : undefined;
  }
  const crumbs = [`<a href="/public/plan">${e(plan.title)}</a>`]
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
        .map(
          (n) =>
            `<li><a href="${itemPagePath('node', n.id)}">${e(heading(n))}</a>${n.kind === 'task' ? ` ${taskStateLine(lang, latest.get(n.id))}` : ''}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  const work = progress ? taskProgressSection(lang, progress) : '';
  return `<p class="meta">${crumbs}</p><h1>${e(heading(node))}</h1>${body}${work}${list}${comments}`;
}
