import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { IndicatorSpec } from '../../domain/indicator.ts';

export interface IndicatorRow extends Omit<IndicatorSpec, 'departments'> {
  id: string;
  planId: string;
  nodeId: string | null;
  position: number;
  tableNumber: number | null;
  rowNumber: number | null;
}

const COLUMNS = `id, plan_id AS "planId", node_id AS "nodeId", code, position, name, unit, category, attribute, kind,
  direction, baseline_year AS "baselineYear", baseline, target_year AS "targetYear", target, tolerance,
  related_code AS "relatedCode", frequency, data_source AS "dataSource", origin, kind_rule AS "kindRule",
  table_number AS "tableNumber", row_number AS "rowNumber"`;

export const indicatorsRepository = {
  async insertMany(db: Queryable, rows: readonly IndicatorRow[]): Promise<void> {
    await insertRows(
      db,
      'indicators',
      [
        'id',
        'plan_id',
        'node_id',
        'code',
        'position',
        'name',
        'unit',
        'category',
        'attribute',
        'kind',
        'direction',
        'baseline_year',
        'baseline_value',
        'baseline',
        'target_year',
        'target_value',
        'target',
        'tolerance',
        'related_code',
        'frequency',
        'data_source',
        'origin',
        'kind_rule',
        'table_number',
        'row_number',
      ],
      rows.map((r) => [
        r.id,
        r.planId,
        r.nodeId,
        r.code,
        r.position,
        r.name,
        r.unit,
        r.category,
        r.attribute,
        r.kind,
        r.direction,
        r.baselineYear,
        r.baseline?.value ?? null,
        json(r.baseline),
        r.targetYear,
        r.target?.value ?? null,
        json(r.target),
        r.tolerance,
        r.relatedCode,
        r.frequency,
        r.dataSource,
        r.origin,
        r.kindRule,
        r.tableNumber,
        r.rowNumber,
      ]),
    );
  },

  /** The plan an indicator belongs to, null when there is no such indicator. */
  async planIdOf(db: Queryable, id: string): Promise<string | null> {
    const rows = await db.query<{ planId: string }>(
      'SELECT plan_id AS "planId" FROM indicators WHERE id = $1',
      [id],
    );
    return rows[0]?.planId ?? null;
  },

  async listByPlan(db: Queryable, planId: string): Promise<IndicatorRow[]> {
    return db.query<IndicatorRow>(`SELECT ${COLUMNS} FROM indicators WHERE plan_id = $1 ORDER BY position`, [
      planId,
    ]);
  },
};

function json(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}
