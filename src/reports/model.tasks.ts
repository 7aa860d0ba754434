/** The report's task section: the plan tree rolled up from the departments' progress reports. */
import { rollUp, taskStatusLabel, taskTreeFromPlan } from '../domain/evaluation/tasks.ts';
import type { RolledUpNode, TaskReport, TaskStatus } from '../domain/evaluation/tasks.ts';
import { num } from './format.ts';
import { caption, h1, h2, numCell, para, pctNum, type Ctx } from './model.context.ts';
import type { Cell, ReportInput, TaskProgress } from './types.ts';

export interface TaskFacts {
  roots: RolledUpNode[];
  /** A synthetic root over all parts. */
  root: RolledUpNode | null;
  total: number;
  reported: number;
  byKey: Map<string, TaskProgress>;
  /** Node key → "第二篇 打造全方位开放高地" (number as printed, then title). */
  titleOf: Map<string, string>;
}

function numberedTitles(
  nodes: ReportInput['nodes'],
  prefix: number[] = [],
  out = new Map<string, string>(),
): Map<string, string> {
  nodes.forEach((n, i) => {
    const path = [...prefix, i];
    out.set(path.join('.'), n.number !== null && n.number !== '' ? `${n.number} ${n.title}` : n.title);
    numberedTitles(n.children, path, out);
  });
  return out;
}

export function taskFacts(input: ReportInput): TaskFacts {
  const byKey = new Map(input.taskProgress.map((t) => [t.key, t]));
  const reports = new Map<string, TaskReport>(
    input.taskProgress.map((t) => [t.key, { status: t.status, percent: t.percent }]),
  );
  const tree = taskTreeFromPlan(input.nodes, reports);
  const titleOf = numberedTitles(input.nodes);
  if (tree.length === 0) return { roots: [], root: null, total: 0, reported: 0, byKey, titleOf };
  // Rolled up once: the parts are the children of a synthetic root over them all.
  const [root] = rollUp([{ key: '', kind: 'part', title: '', children: tree }]);
  const reported = Object.values(root!.counts).reduce((a, b) => a + b, 0);
  return { roots: root!.children, root: root!, total: reported + root!.unreported, reported, byKey, titleOf };
}

function taskRow(nd: RolledUpNode, bold: boolean, indent: string, title: string = nd.title): Cell[] {
  const c = nd.counts;
  const reported = c.completed + c.in_progress + c.delayed + c.blocked + c.not_started;
  return [
    { text: `${indent}${title}`, bold },
    numCell(reported + nd.unreported),
    numCell(c.completed),
    numCell(c.in_progress),
    { text: num(c.delayed), value: c.delayed, tone: c.delayed > 0 ? 'red' : undefined },
    { text: num(c.blocked), value: c.blocked, tone: c.blocked > 0 ? 'red' : undefined },
    numCell(c.not_started),
    numCell(nd.unreported),
    { text: pctNum(nd.percent), value: nd.percent === null ? null : nd.percent / 100 },
  ];
}

function leaves(nd: RolledUpNode): RolledUpNode[] {
  return nd.children.length === 0 ? [nd] : nd.children.flatMap(leaves);
}

function isBehindTask(l: RolledUpNode): boolean {
  return l.status === 'delayed' || l.status === 'blocked';
}

/** Reported tasks that are delayed or blocked, in plan order. */
export function tasksBehind(f: TaskFacts): RolledUpNode[] {
  return f.roots.flatMap(leaves).filter(isBehindTask);
}

/** The sentence on all tasks: how many reported, the average, and how many in each status. */
export function taskOverall(ctx: Ctx, f: TaskFacts): void {
  if (f.root === null) return;
  const c = f.root.counts;
  para(
    ctx,
    ctx.s.taskOverall({
      total: f.total,
      reported: f.reported,
      percent: pctNum(f.root.percent),
      completed: c.completed,
      inProgress: c.in_progress,
      delayed: c.delayed,
      blocked: c.blocked,
      notStarted: c.not_started,
    }),
  );
}

export function statusText(ctx: Ctx, st: TaskStatus): string {
  return taskStatusLabel(st)[ctx.lang];
}

export function tasksSection(ctx: Ctx, n: number, f: TaskFacts): void {
  const { s } = ctx;
  h1(ctx, n, s.sections.tasks);
  if (f.root === null) {
    para(ctx, s.noTasks);
    return;
  }
  if (f.reported === 0) {
    para(ctx, s.noTaskReports(f.total));
    return;
  }
  taskOverall(ctx, f);
  const rows: Cell[][] = [];
  for (const part of f.roots) {
    rows.push(taskRow(part, true, '', f.titleOf.get(part.key)));
    for (const ch of part.children)
      if (ch.kind !== 'task') rows.push(taskRow(ch, false, '　', f.titleOf.get(ch.key)));
  }
  rows.push(taskRow({ ...f.root, title: s.total }, true, ''));
  ctx.blocks.push({
    type: 'table',
    id: 'tasks',
    caption: caption(ctx, 'table', s.taskTableCaption),
    columns: [
      { title: s.taskColumns[0], width: 36 },
      ...s.taskColumns.slice(1).map((t) => ({ title: t, width: 8, align: 'right' as const })),
    ],
    rows,
  });
  let sub = 0;
  for (const part of f.roots) {
    const ls = leaves(part);
    const reported = ls.filter((l) => l.status !== null);
    if (reported.length === 0) continue;
    h2(ctx, ++sub, f.titleOf.get(part.key) ?? part.title);
    const pc = part.counts;
    para(
      ctx,
      s.partSummary({
        n: ls.length,
        percent: pctNum(part.percent),
        completed: pc.completed,
        delayed: pc.delayed,
        blocked: pc.blocked,
        unreported: part.unreported,
      }),
    );
    const highlights = reported
      .map((l) => ({ l, p: f.byKey.get(l.key) }))
      .filter((x) => x.p?.highlight != null && x.p.highlight !== '');
    if (highlights.length > 0) {
      para(ctx, s.highlights(partLabel(f.titleOf.get(part.key) ?? part.title)));
      ctx.blocks.push({
        type: 'bullets',
        items: highlights.map((x) => `${x.l.title}${ctx.lang === 'zh' ? '：' : ': '}${x.p?.highlight ?? ''}`),
      });
    }
    const behind = reported.filter(isBehindTask);
    if (behind.length > 0)
      para(
        ctx,
        s.delayedTasks(
          behind
            .map((l) => `${l.title}（${statusText(ctx, l.status ?? 'delayed')}）`)
            .join(ctx.lang === 'zh' ? '、' : ', '),
        ),
      );
  }
}

/** 第二篇 of "第二篇 打造全方位开放高地": the part's number names it in a lead-in; else its whole title. */
function partLabel(title: string): string {
  return /^(第[一二三四五六七八九十百零〇\d]+篇)/.exec(title)?.[1] ?? title;
}
