import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { PlanMeta, PlanNodeSpec, PlanStatus } from '../../domain/plan.ts';

/** draft: imported, not yet seen by departments or the public; superseded: replaced by a newer published version. */
export type { PlanStatus };

export interface NewPlan extends PlanMeta {
  id: string;
  key: string;
  version: number;
  parentId: string | null;
  predecessorId: string | null;
  status: PlanStatus;
}

export interface PlanRow extends NewPlan {
  publishedAt: Date | null;
  createdAt: Date;
  indicatorCount: number;
  secondaryIndicatorCount: number;
}

export interface NodeRow extends Omit<PlanNodeSpec, 'children'> {
  id: string;
  parentId: string | null;
  position: number;
}

const PLAN_COLUMNS = `p.id, p.key, p.version, p.title, p.short_title AS "shortTitle", p.issuer,
  p.period_start AS "periodStart", p.period_end AS "periodEnd", p.vision_year AS "visionYear",
  p.parent_id AS "parentId", p.predecessor_id AS "predecessorId", p.status,
  p.published_at AS "publishedAt", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id AND i.origin = 'table') AS "indicatorCount",
  (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id AND i.origin = 'text') AS "secondaryIndicatorCount"`;

export const plansRepository = {
  async list(db: Queryable): Promise<PlanRow[]> {
    return db.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM plans p ORDER BY p.period_start DESC, p.key, p.version DESC`,
    );
  },

  async findById(db: Queryable, id: string): Promise<PlanRow | null> {
    const rows = await db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  },

  /** Whether the plan exists as an unpublished draft version. */
  async isDraft(db: Queryable, id: string): Promise<boolean> {
    const rows = await db.query(`SELECT id FROM plans WHERE status = 'draft' AND id = $1`, [id]);
    return rows.length > 0;
  },

  async findLatestByKey(db: Queryable, key: string): Promise<PlanRow | null> {
    const rows = await db.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.key = $1 ORDER BY p.version DESC LIMIT 1`,
      [key],
    );
    return rows[0] ?? null;
  },

  /** The version of a plan key departments and the public see. */
  async findPublishedByKey(db: Queryable, key: string): Promise<PlanRow | null> {
    const rows = await db.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.key = $1 AND p.status = 'published'`,
      [key],
    );
    return rows[0] ?? null;
  },

  /** Every version of a plan key, newest first. */
  async listVersions(db: Queryable, key: string): Promise<PlanRow[]> {
    return db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.key = $1 ORDER BY p.version DESC`, [
      key,
    ]);
  },

  async setStatus(db: Queryable, id: string, status: PlanStatus, actor: string | null = null): Promise<void> {
    await db.query(
      status === 'published'
        ? `UPDATE plans SET status = $2, published_at = now(), published_by = $3 WHERE id = $1`
        : `UPDATE plans SET status = $2 WHERE id = $1`,
      status === 'published' ? [id, status, actor] : [id, status],
    );
  },

  async count(db: Queryable): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
    return rows[0]?.n ?? 0;
  },

  async insert(db: Queryable, plan: NewPlan): Promise<void> {
    await db.query(
      `INSERT INTO plans (id, key, version, title, short_title, issuer, period_start, period_end, vision_year,
         parent_id, predecessor_id, status, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
               CASE WHEN $12 = 'published' THEN now() END)`,
      [
        plan.id,
        plan.key,
        plan.version,
        plan.title,
        plan.shortTitle,
        plan.issuer,
        plan.periodStart,
        plan.periodEnd,
        plan.visionYear,
        plan.parentId,
        plan.predecessorId,
        plan.status,
      ],
    );
  },

  async insertNodes(db: Queryable, planId: string, nodes: readonly NodeRow[]): Promise<void> {
    await insertRows(
      db,
      'plan_nodes',
      ['id', 'plan_id', 'parent_id', 'position', 'kind', 'number', 'title', 'body', 'source'],
      nodes.map((n) => [n.id, planId, n.parentId, n.position, n.kind, n.number, n.title, n.body, n.source]),
    );
  },

  /** All nodes of a plan, parents before children, siblings in order. */
  async listNodes(db: Queryable, planId: string): Promise<NodeRow[]> {
    return db.query<NodeRow>(
      `SELECT id, parent_id AS "parentId", position, kind, number, title, body, source
         FROM plan_nodes WHERE plan_id = $1 ORDER BY position`,
      [planId],
    );
  },
};
