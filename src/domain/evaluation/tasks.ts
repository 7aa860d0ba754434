/**
 * Qualitative tasks (重点任务): each task's latest progress report gives a status and a percentage; sections,
 * chapters and parts roll up as the weighted average of their children (weights default to 1), the way
 * Decidim's accountability component rolls results up to their parents.
 */
import type { NodeKind } from '../plan.ts';
import type { Bilingual } from './types.ts';

export const TASK_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'blocked'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskReport {
  status: TaskStatus;
  /** 0..100; completed counts as 100 whatever was typed. */
  percent: number;
}

export interface TaskNodeInput {
  key: string;
  kind: NodeKind;
  title: string;
  /** Weight among its siblings; default 1; 0 leaves it out of its parent's average. */
  weight?: number;
  report?: TaskReport | null;
  children: TaskNodeInput[];
}

export type StatusCounts = Record<TaskStatus, number>;

export interface RolledUpNode {
  key: string;
  kind: NodeKind;
  title: string;
  weight: number;
  /** Weighted average progress 0..100, null when nothing below has a report. */
  percent: number | null;
  status: TaskStatus | null;
  /** Leaf tasks below (or this one) by status, and how many have no report yet. */
  counts: StatusCounts;
  unreported: number;
  children: RolledUpNode[];
}

export interface RollUpOptions {
  /** Count tasks without a report as 0% (stricter) instead of leaving them out of the average (default). */
  unreportedAsZero?: boolean;
}

export function taskStatusLabel(s: TaskStatus): Bilingual {
  switch (s) {
    case 'not_started':
      return { zh: '未开始', en: 'not started' };
    case 'in_progress':
      return { zh: '推进中', en: 'in progress' };
    case 'completed':
      return { zh: '已完成', en: 'completed' };
    case 'delayed':
      return { zh: '滞后', en: 'delayed' };
    case 'blocked':
      return { zh: '受阻', en: 'blocked' };
  }
}

function emptyStatusCounts(): StatusCounts {
  return { not_started: 0, in_progress: 0, completed: 0, delayed: 0, blocked: 0 };
}

function clampPercent(p: number): number {
  if (!Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}

function reportPercent(r: TaskReport): number {
  switch (r.status) {
    case 'completed':
      return 100;
    case 'not_started':
    case 'in_progress':
    case 'delayed':
    case 'blocked':
      return clampPercent(r.percent);
  }
}

/** A parent's status from its leaves: blocked > delayed > all done > none started > in progress. */
function statusOf(c: StatusCounts, reported: number): TaskStatus | null {
  if (reported === 0) return null;
  if (c.blocked > 0) return 'blocked';
  if (c.delayed > 0) return 'delayed';
  if (c.completed === reported) return 'completed';
  if (c.not_started === reported) return 'not_started';
  return 'in_progress';
}

export function rollUp(nodes: readonly TaskNodeInput[], opts: RollUpOptions = {}): RolledUpNode[] {
  return nodes.map((n) => rollUpNode(n, opts));
}

function rollUpNode(n: TaskNodeInput, opts: RollUpOptions): RolledUpNode {
  const weight = n.weight ?? 1;
  const children = n.children.map((c) => rollUpNode(c, opts));
  const counts = emptyStatusCounts();
  let unreported = 0;
  if (children.length === 0) {
    if (n.report != null) counts[n.report.status] += 1;
    else unreported = 1;
    const percent = n.report != null ? reportPercent(n.report) : opts.unreportedAsZero === true ? 0 : null;
    return {
      key: n.key,
      kind: n.kind,
      title: n.title,
      weight,
      percent,
      status: n.report?.status ?? null,
      counts,
      unreported,
      children,
    };
  }
  let sum = 0;
  let wsum = 0;
  for (const c of children) {
    for (const s of Object.keys(counts) as TaskStatus[]) counts[s] += c.counts[s];
    unreported += c.unreported;
    if (c.percent !== null && c.weight > 0) {
      sum += c.percent * c.weight;
      wsum += c.weight;
    }
  }
  // A node with its own report and children: its own report counts like one more child of weight 1.
  if (n.report != null) {
    counts[n.report.status] += 1;
    sum += reportPercent(n.report);
    wsum += 1;
  }
  const reported = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    key: n.key,
    kind: n.kind,
    title: n.title,
    weight,
    percent: wsum > 0 ? Math.round((sum / wsum) * 100) / 100 : null,
    status: statusOf(counts, reported),
    counts,
    unreported,
    children,
  };
}

/** What the roll-up needs of a plan node: a plan's `PlanNodeSpec`, or a stored node with its id. */
export interface TaskTreeSource<N> {
  kind: NodeKind;
  title: string;
  children: readonly N[];
}

/** A node's key in the roll-up: by default its index path ("3.1.0"), the same path a Dataset's nodePath uses. */
export type TaskKeyOf<N> = (node: N, path: readonly number[]) => string;

const indexPath = (_node: unknown, path: readonly number[]) => path.join('.');

/**
 * The plan tree as roll-up input; reports and weights are looked up by each node's key — its index path unless
 * `keyOf` says otherwise (stored plans key by node id, so no path has to be mapped back to a node).
 */
export function taskTreeFromPlan<N extends TaskTreeSource<N>>(
  nodes: readonly N[],
  reports: ReadonlyMap<string, TaskReport>,
  weights: ReadonlyMap<string, number> = new Map(),
  keyOf: TaskKeyOf<N> = indexPath,
): TaskNodeInput[] {
  return taskTreeBelow(nodes, reports, weights, keyOf, []);
}

function taskTreeBelow<N extends TaskTreeSource<N>>(
  nodes: readonly N[],
  reports: ReadonlyMap<string, TaskReport>,
  weights: ReadonlyMap<string, number>,
  keyOf: TaskKeyOf<N>,
  prefix: readonly number[],
): TaskNodeInput[] {
  return nodes
    .map((n, i) => {
      const path = [...prefix, i];
      const key = keyOf(n, path);
      return {
        key,
        kind: n.kind,
        title: n.title,
        weight: weights.get(key) ?? 1,
        report: reports.get(key) ?? null,
        children: taskTreeBelow(n.children, reports, weights, keyOf, path),
      };
    })
    .filter(
      (n) =>
        n.kind !== 'box' &&
        n.kind !== 'figure' &&
        (n.kind === 'task' || n.children.length > 0 || n.report !== null),
    );
}
