import type { Queryable } from '../db.types.ts';

export type SnapshotKind = 'annual' | 'midterm' | 'final';
export type AssessmentSource = 'self' | 'third_party';

export interface SnapshotSummaryRow {
  id: string;
  planId: string;
  year: number;
  method: string;
  kind: SnapshotKind;
  engineVersion: string;
  createdByEmail: string | null;
  createdAt: Date;
}

export interface SnapshotRow extends SnapshotSummaryRow {
  result: unknown;
}

export interface AssessmentRow {
  id: string;
  source: AssessmentSource;
  indicatorId: string | null;
  indicatorCode: string | null;
  nodeId: string | null;
  nodeTitle: string | null;
  score: number | null;
  verdict: string;
  comment: string | null;
  byEmail: string | null;
  createdAt: Date;
}

const SUMMARY = `s.id, s.plan_id AS "planId", s.year, s.method, s.kind, s.engine_version AS "engineVersion",
  u.email AS "createdByEmail", s.created_at AS "createdAt"`;

export const evaluationSnapshotsRepository = {
  async insert(
    db: Queryable,
    s: {
      planId: string;
      year: number;
      method: string;
      kind: SnapshotKind;
      engineVersion: string;
      result: unknown;
      by: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO evaluation_snapshots (plan_id, year, method, kind, engine_version, result, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [s.planId, s.year, s.method, s.kind, s.engineVersion, JSON.stringify(s.result), s.by],
    );
    return rows[0]!.id;
  },

  async list(db: Queryable, planId: string | null): Promise<SnapshotSummaryRow[]> {
    return db.query<SnapshotSummaryRow>(
      `SELECT ${SUMMARY} FROM evaluation_snapshots s LEFT JOIN users u ON u.id = s.created_by
        WHERE ($1::uuid IS NULL OR s.plan_id = $1) ORDER BY s.created_at DESC, s.id`,
      [planId],
    );
  },

  async find(db: Queryable, id: string): Promise<SnapshotRow | null> {
    const rows = await db.query<SnapshotRow>(
      `SELECT ${SUMMARY}, s.result FROM evaluation_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async insertAssessment(
    db: Queryable,
    a: {
      snapshotId: string;
      source: AssessmentSource;
      indicatorId: string | null;
      nodeId: string | null;
      score: number | null;
      verdict: string;
      comment: string | null;
      by: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO assessments (snapshot_id, source, indicator_id, node_id, score, verdict, comment, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.snapshotId, a.source, a.indicatorId, a.nodeId, a.score, a.verdict, a.comment, a.by],
    );
    return rows[0]!.id;
  },

  async listAssessments(db: Queryable, snapshotId: string): Promise<AssessmentRow[]> {
    return db.query<AssessmentRow>(
      `SELECT a.id, a.source, a.indicator_id AS "indicatorId", i.code AS "indicatorCode", a.node_id AS "nodeId",
              n.title AS "nodeTitle", a.score, a.verdict, a.comment, u.email AS "byEmail", a.created_at AS "createdAt"
         FROM assessments a LEFT JOIN indicators i ON i.id = a.indicator_id LEFT JOIN plan_nodes n ON n.id = a.node_id
         LEFT JOIN users u ON u.id = a.created_by
        WHERE a.snapshot_id = $1 ORDER BY a.created_at, a.id`,
      [snapshotId],
    );
  },
};
