import type { Queryable } from '../../../db/db.types.ts';
import { feedbackRepository } from '../../../db/repositories/feedback.repository.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { plansRepository, type NodeRow } from '../../../db/repositories/plans.repository.ts';
import { projectsRepository } from '../../../db/repositories/projects.repository.ts';
import { findInFields, normaliseQuery, type TextMatch } from '../../../domain/search.ts';
import { getPlan } from '../plans/plans.service.ts';
import type { SearchResult } from './search.schemas.ts';

type Field = SearchResult['nodes'][number]['field'];

function hit(m: TextMatch & { field: number }, fields: readonly Field[]) {
  return { snippet: m.snippet, highlight: m.highlight, field: fields[m.field]! };
}

/** Titles of a node's enclosing headings, outermost first. */
function pathOf(node: NodeRow, byId: ReadonlyMap<string, NodeRow>): string[] {
  const out: string[] = [];
  for (let p = node.parentId ? byId.get(node.parentId) : undefined; p;) {
    out.unshift(`${p.number ?? ''} ${p.title}`.trim());
    p = p.parentId ? byId.get(p.parentId) : undefined;
  }
  return out;
}

/**
 * Everything of one plan that a phrase occurs in: its text (headings and paragraphs), indicators, projects and
 * published comments with their replies. Only what the portal publishes is searched (comments in their masked
 * form), so one answer serves the workspace and the public. A plan holds a few thousand items at most; they
 * are compared in memory, the same way on PGlite and PostgreSQL.
 */
export async function searchPlan(
  db: Queryable,
  planId: string,
  opts: { q: string; limit: number },
): Promise<SearchResult> {
  await getPlan(db, planId); // 404 for an unknown plan
  const query = normaliseQuery(opts.q);
  const [nodes, indicators, projects, comments] = await Promise.all([
    plansRepository.listNodes(db, planId),
    indicatorsRepository.listByPlan(db, planId),
    projectsRepository.list(db, { planId }),
    feedbackRepository.list(db, { status: 'published' }),
  ]);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const nodeHits = nodes.flatMap((n) => {
    const m = findInFields(query, [n.title, n.body]);
    return m
      ? [
          {
            id: n.id,
            kind: n.kind,
            number: n.number,
            title: n.title,
            path: pathOf(n, byId),
            ...hit(m, ['title', 'text']),
          },
        ]
      : [];
  });
  const indicatorHits = indicators.flatMap((i) => {
    const m = findInFields(query, [i.name, i.code]);
    return m ? [{ id: i.id, code: i.code, title: i.name, unit: i.unit, ...hit(m, ['title', 'code']) }] : [];
  });
  const projectHits = projects.flatMap((p) => {
    const m = findInFields(query, [p.name, p.description, p.code]);
    return m ? [{ id: p.id, code: p.code, title: p.name, ...hit(m, ['title', 'text', 'code']) }] : [];
  });
  const commentHits = comments
    .filter((c) => c.planId === planId)
    .flatMap((c) => {
      const text = c.publicBody ?? '';
      const m = findInFields(query, [text, c.reply?.body]);
      if (!m) return [];
      const title = text.length > 30 ? `${text.slice(0, 30)}…` : text;
      return [
        { id: c.id, title, targetType: c.targetType, targetId: c.targetId, ...hit(m, ['text', 'reply']) },
      ];
    });

  const counts = {
    nodes: nodeHits.length,
    indicators: indicatorHits.length,
    projects: projectHits.length,
    comments: commentHits.length,
  };
  return {
    planId,
    query: opts.q,
    total: counts.nodes + counts.indicators + counts.projects + counts.comments,
    nodes: nodeHits.slice(0, opts.limit),
    indicators: indicatorHits.slice(0, opts.limit),
    projects: projectHits.slice(0, opts.limit),
    comments: commentHits.slice(0, opts.limit),
    counts,
  };
}
