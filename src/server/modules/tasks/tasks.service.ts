import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { taskWorkRepository, type TaskNodeAccess } from '../../../db/repositories/task-work.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import {
  rollUp,
  taskTreeFromPlan,
  type RolledUpNode,
  type TaskReport,
  type TaskStatus,
} from '../../../domain/evaluation/tasks.ts';
import { daysBetween, isoDay } from '../../../domain/reporting-calendar.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { MAX_EVIDENCE_BYTES } from '../../../domain/evidence.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/policy.ts';
import { buildTree, type TreeNode } from '../plans/plan-tree.ts';
import { iso } from '../../timestamps.ts';

export { MAX_EVIDENCE_BYTES };

async function nodeOr404(db: Queryable, id: string): Promise<TaskNodeAccess> {
  const n = await taskWorkRepository.findNode(db, id);
  if (!n) throw notFound('Plan node', id);
  return n;
}

export async function getTaskWork(db: Queryable, nodeId: string, today = isoDay(new Date())) {
  const node = await nodeOr404(db, nodeId);
  const plans = await taskWorkRepository.listWorkPlans(db, nodeId);
  const milestones = await taskWorkRepository.listMilestones(
    db,
    plans.map((p) => p.id),
  );
  const reports = await taskWorkRepository.listReports(db, nodeId);
  const evidence = await taskWorkRepository.listEvidence(
    db,
    reports.map((r) => r.id),
  );
  return {
    node: { id: node.id, planId: node.planId, kind: node.kind, title: node.title },
    workPlans: plans.map((p) => ({
      id: p.id,
      year: p.year,
      summary: p.summary,
      milestones: milestones
        .filter((m) => m.workPlanId === p.id)
        .map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          completedOn: m.completedOn,
          overdue: m.completedOn === null && m.dueDate < today,
        })),
    })),
    reports: reports.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt),
      evidence: evidence
        .filter((e) => e.reportId === r.id)
        .map(({ reportId: _r, ...e }) => ({ ...e, createdAt: iso(e.createdAt) })),
    })),
  };
}

/** Creates or replaces the year's work plan of a task: its summary and its milestones. */
export async function putWorkPlan(
  db: Db,
  user: SessionUser,
  nodeId: string,
  year: number,
  input: {
    summary?: string | null;
    milestones: { title: string; dueDate: string; completedOn?: string | null }[];
  },
) {
  const node = await nodeOr404(db, nodeId);
  authorize(user, 'report', 'task', node);
  await db.transaction(async (tx) => {
    const existing = await taskWorkRepository.findWorkPlan(tx, nodeId, year);
    const before = existing
      ? { summary: existing.summary, milestones: await taskWorkRepository.listMilestones(tx, [existing.id]) }
      : null;
    const id =
      existing?.id ??
      (await taskWorkRepository.insertWorkPlan(tx, {
        nodeId,
        year,
        summary: input.summary ?? null,
        by: user.id,
      }));
    if (existing && input.summary !== undefined)
      await taskWorkRepository.updateWorkPlanSummary(tx, id, input.summary);
    const milestones = input.milestones.map((m) => ({
      title: m.title,
      dueDate: m.dueDate,
      completedOn: m.completedOn ?? null,
    }));
    await taskWorkRepository.replaceMilestones(tx, id, milestones);
    await recordAudit(tx, user, existing ? 'update' : 'create', 'work_plan', id, {
      before,
      after: { nodeId, year, summary: input.summary ?? existing?.summary ?? null, milestones },
    });
    // the portal's task page shows the work plan's milestones
    await dataChanged(tx);
  });
  return getTaskWork(db, nodeId);
}

export async function setMilestoneCompleted(
  db: Db,
  user: SessionUser,
  id: string,
  completedOn: string | null,
) {
  const m = await taskWorkRepository.findMilestone(db, id);
  if (!m) throw notFound('Milestone', id);
  authorize(user, 'report', 'task', await nodeOr404(db, m.nodeId));
  await db.transaction(async (tx) => {
    await taskWorkRepository.setMilestoneCompleted(tx, id, completedOn);
    await recordAudit(tx, user, 'update', 'milestone', id, {
      before: { completedOn: m.completedOn },
      after: { completedOn },
    });
    await dataChanged(tx);
  });
  return getTaskWork(db, m.nodeId);
}

export async function addTaskReport(
  db: Db,
  user: SessionUser,
  nodeId: string,
  r: { year: number; status: TaskStatus; percent: number; text: string },
) {
  const node = await nodeOr404(db, nodeId);
  authorize(user, 'report', 'task', node);
  const percent = r.status === 'completed' ? 100 : r.percent;
  const id = await db.transaction(async (tx) => {
    const reportId = await taskWorkRepository.insertReport(tx, { nodeId, ...r, percent, by: user.id });
    await recordAudit(tx, user, 'create', 'task_report', reportId, {
      before: null,
      after: { nodeId, ...r, percent },
    });
    // the portal's task page and plan outline show the reported progress
    await dataChanged(tx);
    return reportId;
  });
  const work = await getTaskWork(db, nodeId);
  return work.reports.find((x) => x.id === id)!;
}

/** Content types served back as themselves; anything else is served as application/octet-stream. */
const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

export function safeContentType(declared: string): string {
  const base = declared.split(';')[0]!.trim().toLowerCase();
  if (!SAFE_TYPES.has(base)) return 'application/octet-stream';
  // Text is served with an explicit charset so no browser guesses another one.
  return base.startsWith('text/') ? `${base}; charset=utf-8` : base;
}

/** A file name without path parts or control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (base || 'evidence').slice(0, 200);
}

export async function addEvidence(db: Db, user: SessionUser, reportId: string, file: File) {
  const report = await taskWorkRepository.findReport(db, reportId);
  if (!report) throw notFound('Task report', reportId);
  authorize(user, 'report', 'task', await nodeOr404(db, report.nodeId));
  if (file.size > MAX_EVIDENCE_BYTES)
    throw new LantuError('payload_too_large', {
      zh: '佐证材料不超过20MB',
      en: 'An evidence file may be at most 20 MB',
    });
  const content = new Uint8Array(await file.arrayBuffer());
  // An empty file proves nothing (a failed export, a wrong pick): refused before anything is stored.
  if (content.byteLength === 0)
    throw new LantuError('validation_failed', {
      zh: '佐证材料为空文件',
      en: 'The evidence file is empty (0 bytes)',
    });
  const sha256 = createHash('sha256').update(content).digest('hex');
  const filename = cleanFilename(file.name);
  const contentType = safeContentType(file.type || 'application/octet-stream');
  const id = await db.transaction(async (tx) => {
    const evidenceId = await taskWorkRepository.insertEvidence(tx, {
      reportId,
      filename,
      contentType,
      size: content.byteLength,
      sha256,
      content,
      by: user.id,
    });
    await recordAudit(tx, user, 'create', 'evidence', evidenceId, {
      before: null,
      after: { reportId, filename, contentType, size: content.byteLength, sha256 },
    });
    return evidenceId;
  });
  return { id, filename, contentType, size: content.byteLength, sha256, createdAt: new Date().toISOString() };
}

/** Any logged-in user reads evidence (assessors check it); it is always served as a download. */
export async function getEvidence(db: Queryable, id: string) {
  const e = await taskWorkRepository.findEvidence(db, id);
  if (!e) throw notFound('Evidence file', id);
  return { ...e, contentType: safeContentType(e.contentType) };
}

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function listOverdue(
  db: Queryable,
  user: SessionUser,
  department: string | undefined,
  today = isoDay(new Date()),
) {
  let code: string | null = department ?? null;
  if (code === null && user.role === 'department') {
    // A department user's own department is the default, when there is only one.
    if (user.departments.length !== 1)
      throw new LantuError('validation_failed', { zh: '请指定部门', en: 'Name the department' });
    code = user.departments[0]!.code;
  }
  if (code !== null) authorize(user, 'seeWork', 'department', { code });
  const rows = await taskWorkRepository.listOverdue(db, today, code);
  return { today, items: rows.map((r) => ({ ...r, daysOverdue: daysBetween(r.dueDate, today) })) };
}

type ProgressNode = Omit<RolledUpNode, 'children'> & { nodeId: string | null; children: ProgressNode[] };

export type TaskReportRow = Awaited<ReturnType<typeof taskWorkRepository.latestReportsByPlan>>[number];

/**
 * The task roll-up of a loaded plan tree and its latest reports, keyed by node id throughout; rolled up once,
 * the whole plan as one synthetic root whose roll-up gives the plan-wide percent and counts.
 */
export function progressOfTree(
  planId: string,
  tree: readonly TreeNode[],
  latest: readonly TaskReportRow[],
  q: { year?: number; unreportedAsZero: 'true' | 'false' },
) {
  const reports = new Map<string, TaskReport>(
    latest.map((r) => [r.nodeId, { status: r.status, percent: r.percent }]),
  );
  const [root] = rollUp(
    [
      {
        key: '',
        kind: 'part',
        title: planId,
        children: taskTreeFromPlan(tree, reports, new Map(), (n) => n.id),
      },
    ],
    { unreportedAsZero: q.unreportedAsZero === 'true' },
  );
  const withIds = (n: RolledUpNode): ProgressNode => ({
    ...n,
    nodeId: n.key,
    children: n.children.map(withIds),
  });
  return {
    planId,
    year: q.year ?? null,
    percent: root!.percent,
    counts: root!.counts,
    unreported: root!.unreported,
    nodes: root!.children.map(withIds),
  };
}

export type PlanProgress = ReturnType<typeof progressOfTree>;

/** The task roll-up of a plan: each task's latest report, averaged up to sections, chapters and parts. */
/** The latest report of each task of a plan (the portal's outline). */
export const latestTaskReports = (db: Queryable, planId: string) =>
  taskWorkRepository.latestReportsByPlan(db, planId, null);

export async function planProgress(
  db: Queryable,
  planId: string,
  q: { year?: number; unreportedAsZero: 'true' | 'false' },
): Promise<PlanProgress> {
  if (!(await plansRepository.findById(db, planId))) throw notFound('Plan', planId);
  const [rows, latest] = await Promise.all([
    plansRepository.listNodes(db, planId),
    taskWorkRepository.latestReportsByPlan(db, planId, q.year ?? null),
  ]);
  return progressOfTree(planId, buildTree(rows), latest, q);
}
