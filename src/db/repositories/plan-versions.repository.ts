import type { Queryable } from '../db.types.ts';

/** The work attached to one indicator or node of a plan version: what publishing a new version carries over. */
export interface ItemWork {
  assignments: number;
  observations: number;
  workPlans: number;
  taskReports: number;
  projectLinks: number;
  comments: number;
  /** 督办单 opened on the item */
  supervision: number;
}

export interface PlanWork {
  /** indicator or node id → its work (items without any are absent) */
  items: Map<string, ItemWork>;
  projects: { id: string; code: string; name: string; nodeId: string | null }[];
  snapshots: number;
}

/** No work of any kind: where a sum of ItemWork starts. */
export const NO_WORK: Readonly<ItemWork> = {
  assignments: 0,
  observations: 0,
  workPlans: 0,
  taskReports: 0,
  projectLinks: 0,
  comments: 0,
  supervision: 0,
};

/** (old id, new id) pairs as a row source, one JSON parameter (the same SQL on PGlite and PostgreSQL). */
const PAIRS = `jsonb_to_recordset($1::jsonb) AS x(old_id uuid, new_id uuid)`;

export const planVersionsRepository = {
  /** Other plans that name `planId` as their predecessor or parent (a draft they point at cannot go). */
  async referencedBy(db: Queryable, planId: string): Promise<{ id: string; title: string }[]> {
    return db.query<{ id: string; title: string }>(
      `SELECT id, title FROM plans WHERE (predecessor_id = $1 OR parent_id = $1) AND id <> $1 ORDER BY title`,
      [planId],
    );
  },

  /** Removes a plan version and everything in it (its nodes, indicators and their rows go with it). */
  async remove(db: Queryable, planId: string): Promise<void> {
    await db.query('DELETE FROM plans WHERE id = $1', [planId]);
  },

  async work(db: Queryable, planId: string): Promise<PlanWork> {
    const rows = await db.query<{ id: string; what: keyof ItemWork; n: number }>(
      `SELECT COALESCE(a.indicator_id, a.node_id) AS id, 'assignments' AS what, count(*)::int AS n
         FROM assignments a WHERE a.plan_id = $1 GROUP BY 1
       UNION ALL
       SELECT o.indicator_id, 'observations', count(*)::int
         FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $1 GROUP BY 1
       UNION ALL
       SELECT w.node_id, 'workPlans', count(*)::int
         FROM task_work_plans w JOIN plan_nodes n ON n.id = w.node_id WHERE n.plan_id = $1 GROUP BY 1
       UNION ALL
       SELECT r.node_id, 'taskReports', count(*)::int
         FROM task_reports r JOIN plan_nodes n ON n.id = r.node_id WHERE n.plan_id = $1 GROUP BY 1
       UNION ALL
       SELECT COALESCE(l.indicator_id, l.node_id), 'projectLinks', count(*)::int
         FROM project_links l
         LEFT JOIN indicators i ON i.id = l.indicator_id LEFT JOIN plan_nodes n ON n.id = l.node_id
        WHERE COALESCE(i.plan_id, n.plan_id) = $1 GROUP BY 1
       UNION ALL
       SELECT f.target_id, 'comments', count(*)::int
         FROM feedback f WHERE f.plan_id = $1 AND f.target_type IN ('indicator', 'node') GROUP BY 1
       UNION ALL
       SELECT s.subject_id, 'supervision', count(*)::int
         FROM supervision_orders s WHERE s.plan_id = $1 AND s.subject_type IN ('indicator', 'task') GROUP BY 1`,
      [planId],
    );
    const items = new Map<string, ItemWork>();
    for (const r of rows) items.set(r.id, { ...(items.get(r.id) ?? NO_WORK), [r.what]: r.n });
    const projects = await db.query<PlanWork['projects'][number]>(
      `SELECT id, code, name, node_id AS "nodeId" FROM projects WHERE plan_id = $1 ORDER BY code`,
      [planId],
    );
    const snap = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evaluation_snapshots WHERE plan_id = $1',
      [planId],
    );
    return { items, projects, snapshots: snap[0]?.n ?? 0 };
  },

  /** A new version keeps the settled metadata of the indicators it continues (kinds, directions, tolerances …). */
  async copyCurated(tx: Queryable, pairs: readonly { old_id: string; new_id: string }[]): Promise<void> {
    if (pairs.length === 0) return;
    await tx.query(
      `UPDATE indicators n SET kind = o.kind, kind_rule = o.kind_rule, direction = o.direction,
              tolerance = o.tolerance, frequency = o.frequency, due_days = o.due_days
         FROM ${PAIRS}, indicators o WHERE n.id = x.new_id AND o.id = x.old_id`,
      [JSON.stringify(pairs)],
    );
  },

  /**
   * Moves the work of `from` onto `to`: every row that points at a matched indicator or node is re-pointed
   * (so ids, histories, evidence and replies stay as they are), the plan's projects and snapshots move whole.
   * Where the new version brings its own row for the same thing (assignments from the document, a value the
   * document states, a project of the same code), the kept work wins; a value the document states differently
   * becomes the latest revision. Items without a counterpart keep their work on `from`.
   */
  async carryOver(
    tx: Queryable,
    from: string,
    to: string,
    pairs: readonly { old_id: string; new_id: string }[],
  ): Promise<void> {
    const p = JSON.stringify(pairs);
    await tx.query(
      `DELETE FROM assignments a USING ${PAIRS}
        WHERE COALESCE(a.node_id, a.indicator_id) = x.new_id
          AND EXISTS (SELECT 1 FROM assignments o WHERE COALESCE(o.node_id, o.indicator_id) = x.old_id)`,
      [p],
    );
    await tx.query(
      `UPDATE assignments a SET indicator_id = x.new_id, plan_id = $2 FROM ${PAIRS} WHERE a.indicator_id = x.old_id`,
      [p, to],
    );
    await tx.query(
      `UPDATE assignments a SET node_id = x.new_id, plan_id = $2 FROM ${PAIRS} WHERE a.node_id = x.old_id`,
      [p, to],
    );

    const sameValue = `o.indicator_id = x.old_id AND o.period = d.period AND o.kind = d.kind
      AND o.region_id IS NOT DISTINCT FROM d.region_id`;
    await tx.query(
      `DELETE FROM observations d USING ${PAIRS}
        WHERE d.indicator_id = x.new_id AND EXISTS (SELECT 1 FROM observations o WHERE ${sameValue}
          AND o.value IS NOT DISTINCT FROM d.value AND o.text IS NOT DISTINCT FROM d.text)`,
      [p],
    );
    await tx.query(
      `UPDATE observations d SET version = d.version + (SELECT max(o.version) FROM observations o WHERE ${sameValue})
         FROM ${PAIRS}
        WHERE d.indicator_id = x.new_id AND EXISTS (SELECT 1 FROM observations o WHERE ${sameValue})`,
      [p],
    );
    for (const table of ['observations', 'annual_targets', 'project_links', 'assessments']) {
      await tx.query(
        `UPDATE ${table} t SET indicator_id = x.new_id FROM ${PAIRS} WHERE t.indicator_id = x.old_id`,
        [p],
      );
    }
    for (const table of ['task_work_plans', 'task_reports', 'project_links', 'assessments']) {
      await tx.query(`UPDATE ${table} t SET node_id = x.new_id FROM ${PAIRS} WHERE t.node_id = x.old_id`, [
        p,
      ]);
    }
    await tx.query(
      `UPDATE feedback f SET target_id = x.new_id, plan_id = $2 FROM ${PAIRS}
        WHERE f.target_type IN ('indicator', 'node') AND f.target_id = x.old_id`,
      [p, to],
    );
    await tx.query(`UPDATE feedback SET plan_id = $2 WHERE plan_id = $1 AND target_type = 'project'`, [
      from,
      to,
    ]);

    await tx.query(
      `DELETE FROM projects d WHERE d.plan_id = $2
          AND EXISTS (SELECT 1 FROM projects o WHERE o.plan_id = $1 AND o.code = d.code)`,
      [from, to],
    );
    await tx.query(
      `UPDATE projects pr SET plan_id = $3,
              node_id = COALESCE((SELECT x.new_id FROM ${PAIRS} WHERE x.old_id = pr.node_id), pr.node_id)
        WHERE pr.plan_id = $2`,
      [p, from, to],
    );
    await tx.query('UPDATE evaluation_snapshots SET plan_id = $2 WHERE plan_id = $1', [from, to]);
    await moveSupervision(tx, from, to, p);
  },
};

/**
 * The 督办 of the version in use follows the work: orders and warnings on matched indicators and tasks are
 * re-pointed, those on projects, comments and orders (which keep their ids) move whole, and the plan's
 * warning rules, assessment weights and adjustments and its public-measures setting are the new version's.
 * Orders and warnings on items without a counterpart stay on the old version with them.
 */
async function moveSupervision(tx: Queryable, from: string, to: string, pairs: string): Promise<void> {
  const follows = (t: string) => `(${t}.subject_type NOT IN ('indicator', 'task')
    OR EXISTS (SELECT 1 FROM ${PAIRS} WHERE x.old_id = ${t}.subject_id))`;
  const repoint = (t: string) =>
    `subject_id = COALESCE((SELECT x.new_id FROM ${PAIRS} WHERE x.old_id = ${t}.subject_id), ${t}.subject_id)`;
  await tx.query('DELETE FROM warnings WHERE plan_id = $1', [to]);
  for (const table of ['supervision_orders', 'warnings']) {
    await tx.query(
      `UPDATE ${table} t SET plan_id = $3, ${repoint('t')} WHERE t.plan_id = $2 AND ${follows('t')}`,
      [pairs, from, to],
    );
  }
  for (const table of ['warning_rules', 'assessment_settings']) {
    await tx.query(
      `DELETE FROM ${table} d WHERE d.plan_id = $2 AND EXISTS (SELECT 1 FROM ${table} o WHERE o.plan_id = $1)`,
      [from, to],
    );
    await tx.query(`UPDATE ${table} SET plan_id = $2 WHERE plan_id = $1`, [from, to]);
  }
  await tx.query('UPDATE assessment_adjustments SET plan_id = $2 WHERE plan_id = $1', [from, to]);
  await tx.query(
    `UPDATE plans n SET public_measures = o.public_measures FROM plans o WHERE n.id = $2 AND o.id = $1`,
    [from, to],
  );
}
