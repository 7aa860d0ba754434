import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import {
  projectsRepository,
  type InvestmentRow,
  type ProjectFilter,
  type ProjectRow,
  type ProjectUpdate,
} from '../../../db/repositories/projects.repository.ts';
import {
  spatialUnitsRepository,
  type SpatialUnitRow,
} from '../../../db/repositories/spatial-units.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import {
  completionRate,
  type LibraryAction,
  type ProjectCategory,
  type ProjectStage,
} from '../../../domain/project.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/policy.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { iso } from '../../timestamps.ts';

export function presentProject(p: ProjectRow) {
  return {
    id: p.id,
    planId: p.planId,
    code: p.code,
    name: p.name,
    category: p.category,
    importanceClass: p.importanceClass,
    importanceRank: p.importanceRank,
    leadUnit: p.leadUnit,
    leadDepartmentCode: p.leadDepartmentCode,
    leadDepartmentName: p.leadDepartmentName,
    spatialUnitCode: p.spatialUnitCode,
    spatialUnitName: p.spatialUnitName,
    longitude: p.longitude,
    latitude: p.latitude,
    nodeId: p.nodeId,
    totalInvestment: p.totalInvestment,
    investmentUnit: p.investmentUnit,
    startYear: p.startYear,
    endYear: p.endYear,
    stage: p.stage as ProjectStage | null,
    description: p.description,
    inLibrary: p.inLibrary,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}
export type ProjectView = ReturnType<typeof presentProject>;

export async function listSpatialUnits(db: Queryable): Promise<SpatialUnitRow[]> {
  return spatialUnitsRepository.list(db);
}

export async function listProjects(
  db: Queryable,
  q: Omit<ProjectFilter, 'inLibrary'> & { inLibrary: 'true' | 'false' | 'all' },
): Promise<ProjectView[]> {
  const inLibrary = q.inLibrary === 'all' ? undefined : q.inLibrary === 'true';
  return (await projectsRepository.list(db, { ...q, inLibrary })).map(presentProject);
}

async function projectOr404(db: Queryable, id: string, forUpdate = false): Promise<ProjectRow> {
  const p = await projectsRepository.find(db, id, { forUpdate });
  if (!p) throw notFound('Project', id);
  return p;
}

const series = (rows: readonly InvestmentRow[]) =>
  rows.map((r) => ({
    year: r.year,
    planned: r.planned,
    completed: r.completed,
    completionRate: completionRate([r]),
  }));

export async function getProject(db: Queryable, id: string) {
  const p = await projectOr404(db, id);
  const [investments, history, progress, links] = await Promise.all([
    projectsRepository.listInvestments(db, [id]),
    projectsRepository.listEvents(db, id),
    projectsRepository.listProgress(db, id),
    projectsRepository.listLinks(db, id),
  ]);
  return {
    ...presentProject(p),
    investments: series(investments),
    completionRate: completionRate(investments),
    history: history.map((h) => ({ ...h, createdAt: iso(h.createdAt) })),
    progress: progress.map((r) => ({
      ...r,
      stage: r.stage as ProjectStage | null,
      createdAt: iso(r.createdAt),
    })),
    links,
  };
}

export interface ProjectInput {
  name?: string;
  category?: ProjectCategory | null;
  importanceClass?: string | null;
  importanceRank?: number | null;
  leadUnit?: string | null;
  leadDepartment?: string | null;
  spatialUnit?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  nodeId?: string | null;
  totalInvestment?: number | null;
  investmentUnit?: string | null;
  startYear?: number | null;
  endYear?: number | null;
  stage?: ProjectStage | null;
  description?: string | null;
  nodeIds?: string[];
  indicatorIds?: string[];
}

/** Codes → ids, and every referenced node or indicator must belong to the project's plan. */
async function resolve(db: Queryable, planId: string, input: ProjectInput): Promise<ProjectUpdate> {
  const out: ProjectUpdate = {
    name: input.name,
    category: input.category,
    importanceClass: input.importanceClass,
    importanceRank: input.importanceRank,
    leadUnit: input.leadUnit,
    longitude: input.longitude,
    latitude: input.latitude,
    nodeId: input.nodeId,
    totalInvestment: input.totalInvestment,
    investmentUnit: input.investmentUnit,
    startYear: input.startYear,
    endYear: input.endYear,
    stage: input.stage,
    description: input.description,
  };
  if (input.spatialUnit !== undefined) {
    out.spatialUnitId =
      input.spatialUnit === null ? null : await projectsRepository.spatialUnitIdByCode(db, input.spatialUnit);
    if (out.spatialUnitId === null && input.spatialUnit !== null)
      throw new LantuError('validation_failed', {
        zh: '空间单元不存在',
        en: `Unknown spatial unit ${input.spatialUnit}`,
      });
  }
  if (input.leadDepartment !== undefined) {
    out.leadDepartmentId =
      input.leadDepartment === null
        ? null
        : await projectsRepository.departmentIdByCode(db, input.leadDepartment);
    if (out.leadDepartmentId === null && input.leadDepartment !== null)
      throw new LantuError('validation_failed', {
        zh: '部门不存在',
        en: `Unknown department ${input.leadDepartment}`,
      });
  }
  const nodes = [...(input.nodeIds ?? []), ...(input.nodeId ? [input.nodeId] : [])];
  if ((await projectsRepository.countPlanRefs(db, planId, 'plan_nodes', nodes)) !== new Set(nodes).size)
    throw new LantuError('validation_failed', {
      zh: '关联章节须属于本规划',
      en: 'Every linked node must belong to the project’s plan',
    });
  const inds = input.indicatorIds ?? [];
  if ((await projectsRepository.countPlanRefs(db, planId, 'indicators', inds)) !== new Set(inds).size)
    throw new LantuError('validation_failed', {
      zh: '关联指标须属于本规划',
      en: 'Every linked indicator must belong to the project’s plan',
    });
  return out;
}

function checkYears(start: number | null | undefined, end: number | null | undefined): void {
  if (start != null && end != null && end < start)
    throw new LantuError('validation_failed', {
      zh: '完工年份早于开工年份',
      en: 'endYear is before startYear',
    });
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && 'code' in e && e.code === '23505';
}

export async function createProject(
  db: Db,
  user: SessionUser,
  input: ProjectInput & { planId: string; code: string; name: string },
) {
  if (!(await plansRepository.findById(db, input.planId))) throw notFound('Plan', input.planId);
  checkYears(input.startYear, input.endYear);
  const r = await resolve(db, input.planId, input);
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await projectsRepository.insertOne(tx, {
        planId: input.planId,
        code: input.code,
        name: input.name,
        category: r.category ?? null,
        leadUnit: r.leadUnit ?? null,
        spatialUnitId: r.spatialUnitId ?? null,
        nodeId: r.nodeId ?? null,
        totalInvestment: r.totalInvestment ?? null,
        investmentUnit: r.investmentUnit ?? null,
        startYear: r.startYear ?? null,
        endYear: r.endYear ?? null,
        stage: r.stage ?? null,
        description: r.description ?? null,
        importanceClass: r.importanceClass ?? null,
        importanceRank: r.importanceRank ?? null,
        leadDepartmentId: r.leadDepartmentId ?? null,
        longitude: r.longitude ?? null,
        latitude: r.latitude ?? null,
      });
      await projectsRepository.replaceLinks(tx, newId, {
        nodeIds: input.nodeIds,
        indicatorIds: input.indicatorIds,
      });
      await recordAudit(tx, user, 'create', 'project', newId, { before: null, after: { ...input } });
      await dataChanged(tx);
      return newId;
    });
    return getProject(db, id);
  } catch (e) {
    if (isUniqueViolation(e))
      throw new LantuError('conflict', { zh: '项目编号已存在', en: `Project code ${input.code} is taken` });
    throw e;
  }
}

export async function updateProject(db: Db, user: SessionUser, id: string, input: ProjectInput) {
  const current = await projectOr404(db, id);
  checkYears(
    input.startYear === undefined ? current.startYear : input.startYear,
    input.endYear === undefined ? current.endYear : input.endYear,
  );
  const r = await resolve(db, current.planId, input);
  await db.transaction(async (tx) => {
    await projectsRepository.update(tx, id, r);
    await projectsRepository.replaceLinks(tx, id, {
      nodeIds: input.nodeIds,
      indicatorIds: input.indicatorIds,
    });
    await recordAudit(tx, user, 'update', 'project', id, {
      before: presentProject(current),
      after: { ...input },
    });
    await dataChanged(tx);
  });
  return getProject(db, id);
}

export async function recordInvestments(
  db: Db,
  user: SessionUser,
  id: string,
  items: { year: number; planned?: number | null; completed?: number | null }[],
) {
  const p = await projectOr404(db, id);
  authorize(user, 'report', 'project', p);
  const years = items.map((i) => i.year);
  if (new Set(years).size !== years.length)
    throw new LantuError('validation_failed', { zh: '年份重复', en: 'A year appears twice' });
  await db.transaction(async (tx) => {
    const before = await projectsRepository.listInvestments(tx, [id]);
    for (const i of items) {
      await projectsRepository.upsertInvestment(tx, { ...i, projectId: id, by: user.id });
    }
    await recordAudit(tx, user, 'investments', 'project', id, {
      before: before
        .filter((b) => years.includes(b.year))
        .map(({ year, planned, completed }) => ({ year, planned, completed })),
      after: items,
    });
  });
  return getProject(db, id);
}

export async function moveInLibrary(
  db: Db,
  user: SessionUser,
  id: string,
  action: LibraryAction,
  move: { reason: string; date: string },
) {
  await db.transaction(async (tx) => {
    const p = await projectOr404(tx, id, true);
    const entering = action === 'enter';
    if (!(await projectsRepository.setInLibrary(tx, id, entering))) {
      throw new LantuError(
        'conflict',
        entering
          ? { zh: '项目已在库', en: `${p.code} is already in the library` }
          : { zh: '项目不在库', en: `${p.code} is not in the library` },
      );
    }
    await projectsRepository.insertEvent(tx, {
      projectId: id,
      action,
      reason: move.reason,
      date: move.date,
      by: user.id,
    });
    await recordAudit(tx, user, action, 'project', id, {
      before: { inLibrary: p.inLibrary },
      after: { inLibrary: entering, reason: move.reason, date: move.date },
    });
  });
  return getProject(db, id);
}

export async function addProjectProgress(
  db: Db,
  user: SessionUser,
  id: string,
  r: { year: number; quarter: number; stage?: ProjectStage | null; percent?: number | null; text: string },
) {
  const p = await projectOr404(db, id);
  authorize(user, 'report', 'project', p);
  try {
    await db.transaction(async (tx) => {
      const reportId = await projectsRepository.insertProgress(tx, {
        projectId: id,
        year: r.year,
        quarter: r.quarter,
        stage: r.stage ?? null,
        percent: r.percent ?? null,
        text: r.text,
        by: user.id,
      });
      // A report that names a stage moves the project to it.
      if (r.stage != null && r.stage !== p.stage) {
        await projectsRepository.update(tx, id, { stage: r.stage });
        await dataChanged(tx);
      }
      await recordAudit(tx, user, 'progress', 'project', id, {
        before: r.stage != null ? { stage: p.stage } : null,
        after: { reportId, ...r },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new LantuError('conflict', {
        // the quarter named, as in English: 本季度 ("this quarter") read as the current one for a past quarter
        zh: `${p.code} ${r.year}年第${r.quarter}季度的进展已填报`,
        en: `${p.code} already has a report for ${r.year}Q${r.quarter}`,
      });
    throw e;
  }
  return getProject(db, id);
}
