/**
 * How plan nodes are named for people: a code for every node (tasks have no printed number) and where a node
 * stands in the source document, in words rather than the importer's "line 623".
 */
import type { NodeKind } from './plan.ts';

export interface CodedNode {
  id: string;
  parentId: string | null;
  position: number;
  kind: NodeKind;
  number: string | null;
}

/**
 * Each node's code: its printed number (第三章, 第一节, 专栏3), or — for tasks and other unnumbered nodes — the
 * numbers above it and its place among its unnumbered siblings (第三章第一节 任务2). Section numbers repeat in every
 * chapter, so the chapter is part of a task's code.
 */
export function nodeCodes(nodes: readonly CodedNode[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ordinal = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const n of [...nodes].sort((a, b) => a.position - b.position)) {
    if (n.number !== null && n.number !== '') continue;
    const key = `${n.parentId ?? ''}:${n.kind}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    ordinal.set(n.id, k);
  }
  const path = (n: CodedNode): string => {
    const out: string[] = [];
    for (let p = n.parentId === null ? undefined : byId.get(n.parentId); p;) {
      if (p.number) out.unshift(p.number);
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
    return out.join('');
  };
  const codes = new Map<string, string>();
  for (const n of nodes) {
    if (n.number !== null && n.number !== '') codes.set(n.id, n.number);
    else {
      const word = n.kind === 'task' ? '任务' : n.kind === 'preamble' ? '序言' : '';
      const own = n.kind === 'preamble' ? word : `${word}${ordinal.get(n.id) ?? 1}`;
      codes.set(n.id, [path(n), own].filter(Boolean).join(' '));
    }
  }
  return codes;
}

/** "line 623" → 原文第623行 / line 623 of the source; "paragraph 120" → 原文第120段; anything else as it is. */
export function sourceLabel(source: string): { zh: string; en: string } {
  const line = /^line (\d+)$/i.exec(source.trim());
  if (line) return { zh: `原文第${line[1]}行`, en: `line ${line[1]} of the source document` };
  const para = /^paragraph (\d+)$/i.exec(source.trim());
  if (para) return { zh: `原文第${para[1]}段`, en: `paragraph ${para[1]} of the source document` };
  const page = /^page (\d+)$/i.exec(source.trim());
  if (page) return { zh: `原文第${page[1]}页`, en: `page ${page[1]} of the source document` };
  return { zh: source, en: source };
}
