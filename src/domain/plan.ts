export const NODE_KINDS = ['preamble', 'part', 'chapter', 'section', 'task', 'box', 'figure'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A plan version's life: a draft, the published version, or one a newer version superseded. */
export const PLAN_STATUSES = ['draft', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A department's part in an indicator or a task: it leads (牵头) or works with the lead (配合). */
export const DEPARTMENT_ROLES = ['lead', 'co'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** One node of the plan tree as data (before it has a database id). */
export interface PlanNodeSpec {
  kind: NodeKind;
  /** As printed: "第一篇", "第17章", "专栏3", "图1"; null for tasks and the preamble. */
  number: string | null;
  title: string;
  body: string | null;
  /** Where it came from in the source document, e.g. "line 554" or "paragraph 120". */
  source: string | null;
  children: PlanNodeSpec[];
}

export interface PlanMeta {
  title: string;
  shortTitle: string | null;
  issuer: string | null;
  periodStart: number;
  periodEnd: number;
  visionYear: number | null;
}

export function countNodes(nodes: PlanNodeSpec[], kind?: NodeKind): number {
  let n = 0;
  for (const node of nodes) {
    if (kind === undefined || node.kind === kind) n += 1;
    n += countNodes(node.children, kind);
  }
  return n;
}
