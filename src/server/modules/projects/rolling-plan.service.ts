import type { Queryable } from '../../../db/db.types.ts';
import { projectsRepository, type InvestmentRow } from '../../../db/repositories/projects.repository.ts';
import { activeIn, plannedByYear, rollingYears } from '../../../domain/project.ts';
import { presentProject } from './projects.service.ts';

/** The rolling three-year plan (滚动三年计划): projects in the library active in [from, from+2]. */
export async function rollingPlan(db: Queryable, q: { from: number; planId?: string }) {
  const years = rollingYears(q.from);
  const projects = await projectsRepository.list(db, { planId: q.planId, inLibrary: true });
  const investments = await projectsRepository.listInvestments(
    db,
    projects.map((p) => p.id),
  );
  const byProject = new Map<string, InvestmentRow[]>();
  for (const i of investments) byProject.set(i.projectId, [...(byProject.get(i.projectId) ?? []), i]);
  const items = projects
    .filter((p) => activeIn(p, byProject.get(p.id) ?? [], years[0], years[2]))
    .map((p) => {
      const planned = plannedByYear(byProject.get(p.id) ?? [], years);
      return {
        project: presentProject(p),
        planned,
        total: planned.reduce<number>((s, v) => s + (v ?? 0), 0),
      };
    });
  const totals = years.map((_, k) => items.reduce((s, i) => s + (i.planned[k] ?? 0), 0));
  return { from: q.from, years, items, totals };
}
