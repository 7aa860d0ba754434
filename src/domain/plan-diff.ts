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

/** An indicator's fact that a version changed. */
export type IndicatorField = 'code' | 'name' | 'unit' | 'attribute' | 'baseline' | 'target' | 'kind';

/** One change between two versions, for a screen to word in its language. */
export type VersionChange =
  | { subject: 'node'; op: 'changed'; kind: string; before: string; after: string }
  | { subject: 'node'; op: 'added' | 'removed'; kind: string; label: string }
  | {
      subject: 'indicator';
      op: 'changed';
      code: string;
      name: string;
      fields: { field: IndicatorField; before: string | null; after: string | null }[];
    }
  | { subject: 'indicator'; op: 'added' | 'removed'; code: string; name: string };

/**
 * What changed between two versions of a plan; [] when nothing did.
 * Kinds are not compared: a version keeps the kind the planning office settled on unless the target changed.
 */
export function versionChangeList(
  before: VersionSide,
  after: VersionSide,
  m: { indicators: Matching; nodes: Matching },
): VersionChange[] {
  const out: VersionChange[] = [];
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const [oldId, newId] of m.nodes.pairs) {
    const a = oldNodes.get(oldId);
    const b = newNodes.get(newId);
    if (a && b && (a.title !== b.title || a.number !== b.number))
      out.push({ subject: 'node', op: 'changed', kind: b.kind, before: label(a), after: label(b) });
  }
  for (const id of m.nodes.added) {
    const n = newNodes.get(id);
    if (n) out.push({ subject: 'node', op: 'added', kind: n.kind, label: label(n) });
  }
  for (const id of m.nodes.removed) {
    const n = oldNodes.get(id);
    if (n) out.push({ subject: 'node', op: 'removed', kind: n.kind, label: label(n) });
  }
  const oldInd = new Map(before.indicators.map((i) => [i.id, i]));
  const newInd = new Map(after.indicators.map((i) => [i.id, i]));
  for (const [oldId, newId] of m.indicators.pairs) {
    const prev = oldInd.get(oldId);
    const ind = newInd.get(newId);
    if (!prev || !ind) continue;
    const fields: { field: IndicatorField; before: string | null; after: string | null }[] = [];
    const cmp = (field: IndicatorField, a: string | null, b: string | null) => {
      if ((a ?? '') !== (b ?? '')) fields.push({ field, before: a, after: b });
    };
    cmp('code', prev.code, ind.code);
    cmp('name', prev.name, ind.name);
    cmp('unit', prev.unit, ind.unit);
    cmp('attribute', prev.attribute, ind.attribute);
    cmp('baseline', prev.baseline, ind.baseline);
    if ((prev.target ?? '') !== (ind.target ?? '')) {
      cmp('target', prev.target, ind.target);
      cmp('kind', prev.kind, ind.kind);
    }
    if (fields.length > 0)
      out.push({ subject: 'indicator', op: 'changed', code: ind.code, name: ind.name, fields });
  }
  for (const id of m.indicators.added) {
    const ind = newInd.get(id);
    if (ind) out.push({ subject: 'indicator', op: 'added', code: ind.code, name: ind.name });
  }
  for (const id of m.indicators.removed) {
    const ind = oldInd.get(id);
    if (ind) out.push({ subject: 'indicator', op: 'removed', code: ind.code, name: ind.name });
  }
  return out;
}

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** A change as one terse line (the CLI's import output and the API's `changes`). */
export function changeLine(c: VersionChange): string {
  switch (c.subject) {
    case 'node':
      return c.op === 'changed'
        ? `~ ${c.kind} ${c.before} → ${c.after}`
        : `${SIGN[c.op]} ${c.kind} ${c.label}`;
    case 'indicator':
      return c.op === 'changed'
        ? `~ indicator ${c.code} ${c.name}: ${c.fields.map((f) => `${f.field} ${f.before ?? '—'} → ${f.after ?? '—'}`).join('; ')}`
        : `${SIGN[c.op]} indicator ${c.code} ${c.name}`;
  }
}

/** What changed between two versions of a plan, as terse lines; [] when nothing did. */
export function describeVersionChanges(
  before: VersionSide,
  after: VersionSide,
  m: { indicators: Matching; nodes: Matching },
): string[] {
  return versionChangeList(before, after, m).map(changeLine);
}
