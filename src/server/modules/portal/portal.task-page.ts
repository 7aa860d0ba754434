import type { NodeRow } from '../../../db/repositories/plans.repository.ts';
import type { TaskStatus } from '../../../domain/evaluation/tasks.ts';
import { localDay } from '../../../domain/time.ts';
import { escapeHtml as e } from '../../html.ts';
import { timeZone } from '../../time-zone.ts';
import { t, type Lang } from './portal.i18n.ts';
import { itemPagePath } from './portal.links.ts';

/** What the portal shows of a task's work: its reports and milestones, never who typed them or their files. */
export interface PublicTaskWork {
  workPlans: {
    year: number;
    summary: string | null;
    milestones: { title: string; dueDate: string; completedOn: string | null }[];
  }[];
  reports: { year: number; status: TaskStatus; percent: number; text: string; createdAt: string }[];
}

/** The latest report of each task of a plan, by node id. */
export type LatestByNode = ReadonlyMap<string, { status: TaskStatus; percent: number; year: number }>;

const STATUS: Record<TaskStatus, { zh: string; en: string; tone: string }> = {
  not_started: { zh: '未开始', en: 'Not started', tone: 'grey' },
  in_progress: { zh: '推进中', en: 'In progress', tone: 'blue' },
  completed: { zh: '已完成', en: 'Completed', tone: 'green' },
  delayed: { zh: '滞后', en: 'Delayed', tone: 'yellow' },
  blocked: { zh: '受阻', en: 'Blocked', tone: 'red' },
};

const statusBadge = (s: TaskStatus, lang: Lang) =>
  `<span class="badge ${STATUS[s].tone}">${e(STATUS[s][lang])}</span>`;

export const nodeHeading = (n: Pick<NodeRow, 'number' | 'title'>) =>
  `${n.number ? `${n.number} ` : ''}${n.title}`;

/** A task's state in one line for lists: 推进中 60%（2025年） or 尚未报送进展. */
export function taskStateLine(
  lang: Lang,
  latest: { status: TaskStatus; percent: number; year: number } | undefined,
) {
  if (!latest) return `<span class="badge grey">${e(t(lang, 'notReported'))}</span>`;
  const year = lang === 'zh' ? `（${latest.year}年）` : ` (${latest.year})`;
  return `${statusBadge(latest.status, lang)} <span class="pct">${latest.percent}%</span><span class="unit">${e(year)}</span>`;
}

const paragraphs = (s: string) =>
  s
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => e(p))
    .join('<br>');

/** The 推进情况 section of a task's page: the latest report as a bar, every report and the milestones. */
export function taskProgressSection(lang: Lang, work: PublicTaskWork): string {
  const reports = [...work.reports].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  const latest = reports[0];
  const zone = timeZone();
  const head = latest
    ? `<p class="task-state">${taskStateLine(lang, latest)}</p>
<div class="bar" role="img" aria-label="${e(`${t(lang, 'taskProgress')} ${latest.percent}%`)}"><span style="width:${Math.max(0, Math.min(100, latest.percent))}%"></span></div>`
    : `<p>${e(t(lang, 'noTaskReports'))}</p>`;
  const reportRows = reports
    .map(
      (r) =>
        `<tr><td>${r.year}</td><td>${statusBadge(r.status, lang)}</td><td>${r.percent}%</td><td>${paragraphs(r.text)}</td><td>${e(localDay(new Date(r.createdAt), zone))}</td></tr>`,
    )
    .join('');
  const reportTable = reports.length
    ? `<div class="scroll"><table><caption>${e(t(lang, 'taskReports'))}</caption><thead><tr><th scope="col">${e(t(lang, 'year'))}</th><th scope="col">${e(t(lang, 'state'))}</th><th scope="col">${e(t(lang, 'taskProgress'))}</th><th scope="col">${e(t(lang, 'progressText'))}</th><th scope="col">${e(t(lang, 'reportedOn'))}</th></tr></thead><tbody>${reportRows}</tbody></table></div>`
    : '';
  const milestones = work.workPlans
    .flatMap((w) => w.milestones.map((m) => ({ ...m, year: w.year })))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const milestoneTable = milestones.length
    ? `<div class="scroll"><table><caption>${e(t(lang, 'workPlan'))}</caption><thead><tr><th scope="col">${e(t(lang, 'year'))}</th><th scope="col">${e(t(lang, 'milestone'))}</th><th scope="col">${e(t(lang, 'dueBy'))}</th><th scope="col">${e(t(lang, 'state'))}</th></tr></thead><tbody>${milestones
        .map(
          (m) =>
            `<tr><td>${m.year}</td><td>${e(m.title)}</td><td>${e(m.dueDate)}</td><td>${m.completedOn ? `${e(t(lang, 'doneOn'))} ${e(m.completedOn)}` : e(t(lang, 'underway'))}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '';
  return `<section aria-labelledby="progress" class="task-progress"><h2 id="progress">${e(t(lang, 'taskProgress'))}</h2>${head}${reportTable}${milestoneTable}</section>`;
}

/** 规划任务: the plan's parts, chapters and sections down to each task, with its reported state, linked. */
export function planOutlinePage(
  lang: Lang,
  plan: { title: string },
  nodes: readonly NodeRow[],
  latest: LatestByNode,
): string {
  const children = new Map<string | null, NodeRow[]>();
  for (const n of [...nodes].sort((a, b) => a.position - b.position))
    children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const tasks = nodes.filter((n) => n.kind === 'task');
  const reported = tasks.filter((n) => latest.has(n.id)).length;
  const list = (parent: string | null): string => {
    const kids = children.get(parent) ?? [];
    if (!kids.length) return '';
    return `<ul class="outline">${kids
      .map((n) => {
        const link = `<a href="${itemPagePath('node', n.id)}">${e(nodeHeading(n))}</a>`;
        return n.kind === 'task'
          ? `<li class="task">${link} ${taskStateLine(lang, latest.get(n.id))}</li>`
          : `<li>${link}${list(n.id)}</li>`;
      })
      .join('')}</ul>`;
  };
  const coverage = `${t(lang, 'tasksReported')} ${reported}/${tasks.length}`;
  return `<p><a href="/public">← ${e(t(lang, 'back'))}</a></p><h1>${e(t(lang, 'planTasks'))}</h1>
<p class="lead">${e(plan.title)}</p><p class="meta">${e(coverage)}</p>${list(null)}`;
}
