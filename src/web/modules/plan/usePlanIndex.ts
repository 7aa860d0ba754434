import { useMemo } from 'react';
import type { Indicator, TreeNode, Verdict } from '../../lib/types.ts';
import { isUnjudged } from '../../lib/rules.ts';
import { useEvaluation, useIndicators, usePlanTree } from '../evaluation/queries.ts';
import { useWorkspace } from '../workspace/workspace.tsx';
import { indexTree, worstVerdict, type Indexed } from './tree.ts';

export interface PlanIndex {
  nodes: TreeNode[] | undefined;
  idx: Indexed;
  verdictByCode: Map<string, Verdict>;
  /** The indicators linked to a node or anything below it. */
  indicatorsUnder: (nodeId: string) => Indicator[];
  /** The worst judged verdict of the indicators under a node (null when none is judged). */
  nodeVerdict: (nodeId: string) => Verdict | null;
  loading: boolean;
  error: unknown;
}

/** The plan tree of the workspace's plan with its indicators and their verdicts for the chosen year. */
export function usePlanIndex(): PlanIndex & { title: string | undefined } {
  const ws = useWorkspace();
  const planId = ws.plan?.id ?? null;
  const treeQ = usePlanTree(planId);
  const indQ = useIndicators(planId);
  const evalQ = useEvaluation(planId, ws.year, ws.method, 'all');
  const idx = useMemo(() => indexTree(treeQ.data?.nodes ?? []), [treeQ.data]);
  const verdictByCode = useMemo(
    () => new Map((evalQ.data?.indicators ?? []).map((i) => [i.code, i.verdict])),
    [evalQ.data],
  );
  const indicatorsByNode = useMemo(() => {
    const m = new Map<string, Indicator[]>();
    for (const i of indQ.data?.items ?? []) if (i.nodeId) m.set(i.nodeId, [...(m.get(i.nodeId) ?? []), i]);
    return m;
  }, [indQ.data]);
  const indicatorsUnder = (id: string): Indicator[] =>
    [...(idx.subtree.get(id) ?? new Set<string>())].flatMap((n) => indicatorsByNode.get(n) ?? []);
  const nodeVerdict = (id: string): Verdict | null =>
    worstVerdict(
      indicatorsUnder(id)
        .map((i) => verdictByCode.get(i.code))
        .filter((v): v is Verdict => !!v && !isUnjudged(v)),
    );
  return {
    nodes: treeQ.data?.nodes,
    title: treeQ.data?.plan.title,
    idx,
    verdictByCode,
    indicatorsUnder,
    nodeVerdict,
    loading: treeQ.isLoading,
    error: treeQ.error,
  };
}
