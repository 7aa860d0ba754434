import type { IndicatorSpec } from './indicator.ts';
import { countNodes, type PlanNodeSpec } from './plan.ts';

type IndicatorFacts = Pick<IndicatorSpec, 'code' | 'name' | 'kind' | 'attribute'> & {
  baseline: { raw: string } | null;
  target: { raw: string } | null;
};

/** What changed between two versions of a plan, as lines a planning officer can read. */
export function describePlanChanges(
  before: { nodeCount: number; indicators: readonly IndicatorFacts[] },
  after: { nodes: readonly PlanNodeSpec[]; indicators: readonly IndicatorFacts[] },
): string[] {
  const lines: string[] = [];
  const nodeCount = countNodes([...after.nodes]);
  if (nodeCount !== before.nodeCount) lines.push(`nodes 节点: ${before.nodeCount} → ${nodeCount}`);
  const old = new Map(before.indicators.map((i) => [i.code, i]));
  const next = new Map(after.indicators.map((i) => [i.code, i]));
  for (const [code, ind] of next) {
    const prev = old.get(code);
    if (!prev) {
      lines.push(`+ indicator ${code} ${ind.name}`);
      continue;
    }
    const fields: string[] = [];
    if (prev.name !== ind.name) fields.push(`name ${prev.name} → ${ind.name}`);
    if (prev.kind !== ind.kind) fields.push(`kind ${prev.kind} → ${ind.kind}`);
    if (prev.attribute !== ind.attribute) fields.push(`attribute ${prev.attribute} → ${ind.attribute}`);
    if ((prev.baseline?.raw ?? '') !== (ind.baseline?.raw ?? ''))
      fields.push(`baseline ${prev.baseline?.raw ?? '—'} → ${ind.baseline?.raw ?? '—'}`);
    if ((prev.target?.raw ?? '') !== (ind.target?.raw ?? ''))
      fields.push(`target ${prev.target?.raw ?? '—'} → ${ind.target?.raw ?? '—'}`);
    if (fields.length > 0) lines.push(`~ indicator ${code} ${ind.name}: ${fields.join('; ')}`);
  }
  for (const [code, ind] of old) if (!next.has(code)) lines.push(`- indicator ${code} ${ind.name}`);
  if (lines.length === 0) lines.push('no changes 无变化');
  return lines;
}
