import type { Queryable } from '../db.types.ts';

/** Signatures of comment form tokens already used, shared by every app node. */
export const formTokensRepository = {
  /** Marks a token used; false when it already was (a replayed form). Forgets those past their lifetime. */
  async consume(db: Queryable, signature: string, lifetimeSeconds: number): Promise<boolean> {
    await db.query(`DELETE FROM used_form_tokens WHERE used_at < now() - make_interval(secs => $1)`, [
      lifetimeSeconds * 2,
    ]);
    const rows = await db.query<{ signature: string }>(
      `INSERT INTO used_form_tokens (signature) VALUES ($1) ON CONFLICT DO NOTHING RETURNING signature`,
      [signature],
    );
    return rows.length === 1;
  },
};
