/**
 * Progress of tasks and projects from a JSON file (`lantu report --progress FILE`), until the back office
 * stores progress reports:
 *
 *   { "tasks":    [{ "key": "3.1.0.1", "status": "in_progress", "percent": 60, "highlight": "…" }],
 *     "projects": [{ "code": "PRJ-01", "year": 2023, "investedToDate": 120, "stage": "在建", "totalInvestment": 200 }] }
 *
 * Task keys are index paths of the plan tree (as `taskTreeFromPlan` numbers nodes); `totalInvestment` fills a
 * project's planned total when the plan does not state one.
 */
import { z } from 'zod';
import { bilingualList, LantuError, type Bilingual } from '../domain/errors.ts';
import { zodIssueMessage } from '../domain/zod-messages.ts';
import { TASK_STATUSES } from '../domain/evaluation/tasks.ts';
import type { PlanNodeSpec } from '../domain/plan.ts';
import type { ProjectProgress, ReportProject, TaskProgress } from './types.ts';

export const progressFileSchema = z.object({
  tasks: z
    .array(
      z.object({
        key: z.string().regex(/^\d+(\.\d+)*$/),
        status: z.enum(TASK_STATUSES),
        percent: z.number().min(0).max(100).default(0),
        highlight: z.string().max(2000).nullable().default(null),
      }),
    )
    .default([]),
  projects: z
    .array(
      z.object({
        code: z.string().min(1),
        year: z.number().int(),
        investedToDate: z.number().min(0),
        stage: z.string().nullable().default(null),
        totalInvestment: z.number().positive().optional(),
      }),
    )
    .default([]),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;

function nodeAt(nodes: readonly PlanNodeSpec[], key: string): PlanNodeSpec | null {
  let list = nodes;
  let node: PlanNodeSpec | null = null;
  for (const part of key.split('.')) {
    node = list[Number(part)] ?? null;
    if (node === null) return null;
    list = node.children;
  }
  return node;
}

export function parseProgressFile(
  raw: unknown,
  nodes: readonly PlanNodeSpec[],
  projects: readonly ReportProject[],
): { tasks: TaskProgress[]; projects: ProjectProgress[]; totals: Map<string, number> } {
  const parsed = progressFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LantuError(
      'validation_failed',
      {
        zh: `进度文件：${issue ? zodIssueMessage([issue]).zh : '无效'}`,
        en: `progress file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      },
      { issues: parsed.error.issues.slice(0, 5) },
    );
  }
  const found: Bilingual[] = [];
  for (const t of parsed.data.tasks)
    if (nodeAt(nodes, t.key) === null)
      found.push({ zh: `规划中没有条目 ${t.key}`, en: `no plan node at ${t.key}` });
  const codes = new Set(projects.map((p) => p.code));
  for (const p of parsed.data.projects)
    if (!codes.has(p.code)) found.push({ zh: `项目 ${p.code} 不存在`, en: `unknown project ${p.code}` });
  if (found.length > 0) {
    const shown = bilingualList(found.slice(0, 5));
    throw new LantuError(
      'validation_failed',
      { zh: `进度文件：${shown.zh}`, en: `progress file: ${shown.en}` },
      { errors: found.map((m) => m.en) },
    );
  }
  const totals = new Map<string, number>();
  for (const p of parsed.data.projects)
    if (p.totalInvestment !== undefined) totals.set(p.code, p.totalInvestment);
  return {
    tasks: parsed.data.tasks.map((t) => ({
      key: t.key,
      status: t.status,
      percent: t.percent,
      highlight: t.highlight,
    })),
    projects: parsed.data.projects.map((p) => ({
      code: p.code,
      year: p.year,
      investedToDate: p.investedToDate,
      stage: p.stage,
    })),
    totals,
  };
}
