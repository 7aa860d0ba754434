import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { LibraryAction } from '../../domain/project.ts';

export interface NewProject {
  planId: string;
  code: string;
  name: string;
  category: string | null;
  leadUnit: string | null;
  spatialUnitId: string | null;
  nodeId: string | null;
  totalInvestment: number | null;
  investmentUnit: string | null;
  startYear: number | null;
  endYear: number | null;
  stage: string | null;
  description: string | null;
}

/** The columns a project is inserted with, in the order of `baseValues`. */
const BASE_COLUMNS = [
  'plan_id',
  'code',
  'name',
  'category',
  'lead_unit',
  'spatial_unit_id',
  'node_id',
  'total_investment',
  'investment_unit',
  'start_year',
  'end_year',
  'stage',
  'description',
] as const;

const baseValues = (p: NewProject): unknown[] => [
  p.planId,
  p.code,
  p.name,
  p.category,
  p.leadUnit,
  p.spatialUnitId,
  p.nodeId,
  p.totalInvestment,
  p.investmentUnit,
  p.startYear,
  p.endYear,
  p.stage,
  p.description,
];

/** What the project library adds to an imported project. */
const EXTRA_COLUMNS = [
  'importance_class',
  'importance_rank',
  'lead_department_id',
  'longitude',
  'latitude',
] as const;

export const projectsRepository = {
  async insertMany(db: Queryable, rows: readonly NewProject[]): Promise<void> {
    await insertRows(db, 'projects', BASE_COLUMNS, rows.map(baseValues));
  },

  async countByPlan(db: Queryable, planId: string): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects WHERE plan_id = $1', [
      planId,
    ]);
    return rows[0]?.n ?? 0;
  },

  async insertOne(db: Queryable, p: NewProject & ProjectExtras): Promise<string> {
    const columns = [...BASE_COLUMNS, ...EXTRA_COLUMNS];
    const values = [
      ...baseValues(p),
      p.importanceClass,
      p.importanceRank,
      p.leadDepartmentId,
      p.longitude,
      p.latitude,
    ];
    const rows = await db.query<{ id: string }>(
      `INSERT INTO projects (${columns.join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values,
    );
    return rows[0]!.id;
  },

  async list(db: Queryable, f: ProjectFilter): Promise<ProjectRow[]> {
    return db.query<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM}
        WHERE ($1::uuid IS NULL OR p.plan_id = $1) AND ($2::text IS NULL OR p.category = $2)
          AND ($3::text IS NULL OR p.stage = $3) AND ($4::text IS NULL OR su.code = $4)
          AND ($5::boolean IS NULL OR p.in_library = $5)
        ORDER BY p.importance_rank NULLS LAST, p.code`,
      [f.planId ?? null, f.category ?? null, f.stage ?? null, f.spatialUnit ?? null, f.inLibrary ?? null],
    );
  },

  async find(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProjectRow | null> {
    const rows = await db.query<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.id = $1${opts.forUpdate ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  },

  /** Updates the given columns (keys of ProjectUpdate) only. */
  async update(db: Queryable, id: string, fields: ProjectUpdate): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(UPDATE_COLUMNS) as [keyof ProjectUpdate, string][]) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return;
    await db.query(`UPDATE projects SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  },

  async setInLibrary(db: Queryable, id: string, inLibrary: boolean): Promise<boolean> {
    const rows = await db.query(
      `UPDATE projects SET in_library = $2, updated_at = now() WHERE id = $1 AND in_library <> $2 RETURNING id`,
      [id, inLibrary],
    );
    return rows.length === 1;
  },

  async listInvestments(db: Queryable, projectIds: readonly string[]): Promise<InvestmentRow[]> {
    if (projectIds.length === 0) return [];
    return db.query<InvestmentRow>(
      `SELECT project_id AS "projectId", year, planned, completed, updated_at AS "updatedAt"
         FROM project_investments WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, year`,
      [[...projectIds]],
    );
  },

  async upsertInvestment(
    db: Queryable,
    i: {
      projectId: string;
      year: number;
      /** Left as it is when omitted; null clears it. */
      planned?: number | null | undefined;
      completed?: number | null | undefined;
      by: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO project_investments (project_id, year, planned, completed, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (project_id, year) DO UPDATE SET
         planned = CASE WHEN $6 THEN EXCLUDED.planned ELSE project_investments.planned END,
         completed = CASE WHEN $7 THEN EXCLUDED.completed ELSE project_investments.completed END,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        i.projectId,
        i.year,
        i.planned ?? null,
        i.completed ?? null,
        i.by,
        i.planned !== undefined,
        i.completed !== undefined,
      ],
    );
  },

  async listLinks(db: Queryable, projectId: string): Promise<ProjectLinkRow[]> {
    return db.query<ProjectLinkRow>(
      `SELECT l.node_id AS "nodeId", n.title AS "nodeTitle", l.indicator_id AS "indicatorId",
              i.code AS "indicatorCode", i.name AS "indicatorName"
         FROM project_links l LEFT JOIN plan_nodes n ON n.id = l.node_id LEFT JOIN indicators i ON i.id = l.indicator_id
        WHERE l.project_id = $1 ORDER BY i.position NULLS FIRST, n.position`,
      [projectId],
    );
  },

  async replaceLinks(
    db: Queryable,
    projectId: string,
    links: { nodeIds?: readonly string[]; indicatorIds?: readonly string[] },
  ): Promise<void> {
    if (links.nodeIds !== undefined) {
      await db.query('DELETE FROM project_links WHERE project_id = $1 AND node_id IS NOT NULL', [projectId]);
      await insertRows(
        db,
        'project_links',
        ['project_id', 'node_id', 'indicator_id'],
        [...new Set(links.nodeIds)].map((n) => [projectId, n, null]),
      );
    }
    if (links.indicatorIds !== undefined) {
      await db.query('DELETE FROM project_links WHERE project_id = $1 AND indicator_id IS NOT NULL', [
        projectId,
      ]);
      await insertRows(
        db,
        'project_links',
        ['project_id', 'node_id', 'indicator_id'],
        [...new Set(links.indicatorIds)].map((i) => [projectId, null, i]),
      );
    }
  },

  /** How many of `ids` are nodes (or indicators) of the plan: links never cross plans. */
  async countPlanRefs(
    db: Queryable,
    planId: string,
    table: 'plan_nodes' | 'indicators',
    ids: readonly string[],
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1 AND id = ANY($2::uuid[])`,
      [planId, [...new Set(ids)]],
    );
    return rows[0]?.n ?? 0;
  },

  async insertEvent(
    db: Queryable,
    e: { projectId: string; action: LibraryAction; reason: string; date: string; by: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO project_library_events (project_id, action, reason, on_date, created_by)
       VALUES ($1, $2, $3, $4::date, $5) RETURNING id`,
      [e.projectId, e.action, e.reason, e.date, e.by],
    );
    return rows[0]!.id;
  },

  async listEvents(db: Queryable, projectId: string): Promise<LibraryEventRow[]> {
    return db.query<LibraryEventRow>(
      `SELECT e.id, e.action, e.reason, e.on_date::text AS date, u.email AS "byEmail", e.created_at AS "createdAt"
         FROM project_library_events e LEFT JOIN users u ON u.id = e.created_by
        WHERE e.project_id = $1 ORDER BY e.created_at, e.id`,
      [projectId],
    );
  },

  async insertProgress(
    db: Queryable,
    r: {
      projectId: string;
      year: number;
      quarter: number;
      stage: string | null;
      percent: number | null;
      text: string;
      by: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO project_progress (project_id, year, quarter, stage, percent, text, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [r.projectId, r.year, r.quarter, r.stage, r.percent, r.text, r.by],
    );
    return rows[0]!.id;
  },

  async spatialUnitIdByCode(db: Queryable, code: string): Promise<string | null> {
    const rows = await db.query<{ id: string }>('SELECT id FROM spatial_units WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  },

  async departmentIdByCode(db: Queryable, code: string): Promise<string | null> {
    const rows = await db.query<{ id: string }>('SELECT id FROM departments WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  },

  async listProgress(db: Queryable, projectId: string): Promise<ProjectProgressRow[]> {
    return db.query<ProjectProgressRow>(
      `SELECT r.id, r.year, r.quarter, r.stage, r.percent, r.text, u.email AS "byEmail", r.created_at AS "createdAt"
         FROM project_progress r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.project_id = $1 ORDER BY r.year, r.quarter`,
      [projectId],
    );
  },
};

export interface ProjectExtras {
  importanceClass: string | null;
  importanceRank: number | null;
  leadDepartmentId: string | null;
  longitude: number | null;
  latitude: number | null;
}

export interface ProjectRow extends NewProject, ProjectExtras {
  id: string;
  spatialUnitCode: string | null;
  spatialUnitName: string | null;
  leadDepartmentCode: string | null;
  leadDepartmentName: string | null;
  inLibrary: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProjectFilter {
  planId?: string;
  category?: string;
  stage?: string;
  spatialUnit?: string;
  inLibrary?: boolean;
}

export type ProjectUpdate = Partial<Omit<NewProject, 'planId' | 'code'> & ProjectExtras>;

const UPDATE_COLUMNS: Record<keyof ProjectUpdate, string> = {
  name: 'name',
  category: 'category',
  leadUnit: 'lead_unit',
  spatialUnitId: 'spatial_unit_id',
  nodeId: 'node_id',
  totalInvestment: 'total_investment',
  investmentUnit: 'investment_unit',
  startYear: 'start_year',
  endYear: 'end_year',
  stage: 'stage',
  description: 'description',
  importanceClass: 'importance_class',
  importanceRank: 'importance_rank',
  leadDepartmentId: 'lead_department_id',
  longitude: 'longitude',
  latitude: 'latitude',
};

const PROJECT_COLUMNS = `p.id, p.plan_id AS "planId", p.code, p.name, p.category, p.lead_unit AS "leadUnit",
  p.spatial_unit_id AS "spatialUnitId", su.code AS "spatialUnitCode", su.name AS "spatialUnitName", p.node_id AS "nodeId",
  p.total_investment AS "totalInvestment", p.investment_unit AS "investmentUnit", p.start_year AS "startYear",
  p.end_year AS "endYear", p.stage, p.description, p.importance_class AS "importanceClass",
  p.importance_rank AS "importanceRank", p.lead_department_id AS "leadDepartmentId", d.code AS "leadDepartmentCode",
  d.name AS "leadDepartmentName", p.longitude, p.latitude, p.in_library AS "inLibrary", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const PROJECT_FROM = `projects p LEFT JOIN spatial_units su ON su.id = p.spatial_unit_id
  LEFT JOIN departments d ON d.id = p.lead_department_id`;

export interface InvestmentRow {
  projectId: string;
  year: number;
  planned: number | null;
  completed: number | null;
  updatedAt: Date;
}

export interface ProjectLinkRow {
  nodeId: string | null;
  nodeTitle: string | null;
  indicatorId: string | null;
  indicatorCode: string | null;
  indicatorName: string | null;
}

export interface LibraryEventRow {
  id: string;
  action: LibraryAction;
  reason: string;
  date: string;
  byEmail: string | null;
  createdAt: Date;
}

export interface ProjectProgressRow {
  id: string;
  year: number;
  quarter: number;
  stage: string | null;
  percent: number | null;
  text: string;
  byEmail: string | null;
  createdAt: Date;
}
