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

export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
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

  async list(
    db: Queryable,
    filter: { entity?: string; entityId?: string; limit?: number },
  ): Promise<AuditRow[]> {
    return db.query<AuditRow>(
      `SELECT id::int AS id, at, actor_id AS "actorId", actor, action, entity, entity_id AS "entityId", before, after
         FROM audit_log
        WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
        ORDER BY id DESC LIMIT $3`,
      [filter.entity ?? null, filter.entityId ?? null, filter.limit ?? 100],
    );
  },
};
