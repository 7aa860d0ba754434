import type { Queryable } from '../db.types.ts';

export interface AuditEntry {
  actorId: string | null;
  /** Who acted, readable: a user's email, or "system:seed", "cli:import". */
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Part of the actor's name (an email, system:seed), case-insensitive. */
  actor?: string | undefined;
  /** Exactly this actor, as the log holds it (the screen's chosen user). */
  actorExact?: string | undefined;
  actorId?: string | undefined;
  /** Entries at or after this instant. */
  from?: Date | undefined;
  /** Entries before this instant. */
  to?: Date | undefined;
  limit?: number;
  offset?: number;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function auditWhere(f: AuditFilter): { where: string; params: unknown[] } {
  return {
    where: `WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
        AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR actor ILIKE $4)
        AND ($5::uuid IS NULL OR actor_id = $5)
        AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at < $7)
        AND ($8::text IS NULL OR actor = $8)`,
    params: [
      f.entity ?? null,
      f.entityId ?? null,
      f.action ?? null,
      f.actor ? `%${likeEscape(f.actor)}%` : null,
      f.actorId ?? null,
      f.from?.toISOString() ?? null,
      f.to?.toISOString() ?? null,
      f.actorExact ?? null,
    ],
  };
}

export const auditRepository = {
  async append(db: Queryable, e: AuditEntry): Promise<void> {
    await db.query(
      `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.actorId,
        e.actor,
        e.action,
        e.entity,
        e.entityId,
        e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      ],
    );
  },

  /** Newest first, filtered (at most `limit`, default 100, after `offset`). */
  async list(db: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
    const { where, params } = auditWhere(filter);
    return db.query<AuditRow>(
      `SELECT id::int AS id, at, actor_id AS "actorId", actor, action, entity, entity_id AS "entityId", before, after
         FROM audit_log ${where}
        ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit ?? 100, filter.offset ?? 0],
    );
  },

  /** One page of `list` and how many entries match in all. */
  async page(db: Queryable, filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
    const { where, params } = auditWhere(filter);
    const items = await this.list(db, filter);
    const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${where}`, params);
    return { items, total: count[0]?.n ?? 0 };
  },

  /** What the log holds to filter by: its actions, entities and actors. */
  async facets(db: Queryable): Promise<{ actions: string[]; entities: string[]; actors: string[] }> {
    const distinct = (col: 'action' | 'entity' | 'actor') =>
      db.query<{ v: string }>(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY 1`);
    const actions = await distinct('action');
    const entities = await distinct('entity');
    const actors = await distinct('actor');
    const vals = (rows: { v: string }[]) => rows.map((r) => r.v);
    return { actions: vals(actions), entities: vals(entities), actors: vals(actors) };
  },
};
