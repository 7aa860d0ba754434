import type { Matching, MatchIndicator, MatchNode } from './plan-versions.ts';

/** One version of a plan as the comparison sees it: the tree flat, the indicators with their facts. */
export interface VersionSide {
  nodes: readonly MatchNode[];
  indicators: readonly (MatchIndicator & {
    unit: string | null;
    kind: string;
    attribute: string;
    baseline: string | null;
    target: string | null;
  })[];
}

const label = (n: MatchNode) =>
  [n.number, n.title.length > 40 ? `${n.title.slice(0, 40)}…` : n.title].join(' ').trim();

/**
 * What changed between two versions of a plan, as lines a planning officer can read; [] when nothing did.
 * Kinds are not compared: a version keeps the kind the planning office settled on unless the target changed.
 */
export function describeVersionChanges(
  before: VersionSide,
  after: VersionSide,
  m: { indicators: Matching; nodes: Matching },
): string[] {
  const lines: string[] = [];
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const [oldId, newId] of m.nodes.pairs) {
    const a = oldNodes.get(oldId);
    const b = newNodes.get(newId);
    if (a && b && (a.title !== b.title || a.number !== b.number))
      lines.push(`~ ${b.kind} ${label(a)} → ${label(b)}`);
  }
  for (const id of m.nodes.added) {
    const n = newNodes.get(id);
    if (n) lines.push(`+ ${n.kind} ${label(n)}`);
  }
  for (const id of m.nodes.removed) {
    const n = oldNodes.get(id);
    if (n) lines.push(`- ${n.kind} ${label(n)}`);
  }
  const oldInd = new Map(before.indicators.map((i) => [i.id, i]));
  const newInd = new Map(after.indicators.map((i) => [i.id, i]));
  for (const [oldId, newId] of m.indicators.pairs) {
    const prev = oldInd.get(oldId);
    const ind = newInd.get(newId);
    if (!prev || !ind) continue;
    const fields: string[] = [];
    if (prev.code !== ind.code) fields.push(`code ${prev.code} → ${ind.code}`);
    if (prev.name !== ind.name) fields.push(`name ${prev.name} → ${ind.name}`);
    if ((prev.unit ?? '') !== (ind.unit ?? '')) fields.push(`unit ${prev.unit ?? '—'} → ${ind.unit ?? '—'}`);
    if (prev.attribute !== ind.attribute) fields.push(`attribute ${prev.attribute} → ${ind.attribute}`);
    if ((prev.baseline ?? '') !== (ind.baseline ?? ''))
      fields.push(`baseline ${prev.baseline ?? '—'} → ${ind.baseline ?? '—'}`);
    if ((prev.target ?? '') !== (ind.target ?? '')) {
      fields.push(`target ${prev.target ?? '—'} → ${ind.target ?? '—'}`);
      if (prev.kind !== ind.kind) fields.push(`kind ${prev.kind} → ${ind.kind}`);
    }
    if (fields.length > 0) lines.push(`~ indicator ${ind.code} ${ind.name}: ${fields.join('; ')}`);
  }
  for (const id of m.indicators.added) {
    const ind = newInd.get(id);
    if (ind) lines.push(`+ indicator ${ind.code} ${ind.name}`);
  }
  for (const id of m.indicators.removed) {
    const ind = oldInd.get(id);
    if (ind) lines.push(`- indicator ${ind.code} ${ind.name}`);
  }
  return lines;
}
