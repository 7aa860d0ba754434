import type { Queryable } from '../db.types.ts';

export interface LinkedPlanRow {
  id: string;
  key: string;
  version: number;
  title: string;
}

/** Special and area plans (专项规划, 片区规划) linked to a master plan through plans.parent_id. */
export const planSystemRepository = {
  async children(db: Queryable, planId: string): Promise<LinkedPlanRow[]> {
    return db.query<LinkedPlanRow>(
      'SELECT id, key, version, title FROM plans WHERE parent_id = $1 ORDER BY key, version',
      [planId],
    );
  },
};
