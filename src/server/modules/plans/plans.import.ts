import type { Db, Queryable } from '../../../db/db.types.ts';
import { planVersionsRepository } from '../../../db/repositories/plan-versions.repository.ts';
import { plansRepository, type PlanRow } from '../../../db/repositories/plans.repository.ts';
import type { Dataset, DatasetPlan } from '../../../domain/dataset.ts';
import { LantuError } from '../../../domain/errors.ts';
import { countNodes } from '../../../domain/plan.ts';
import { describeVersionChanges } from '../../../domain/plan-diff.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../database.ts';
import { createLogger } from '../../logger.ts';
import { notFound } from '../../errors.ts';
import { loadDataset } from '../datasets/dataset.service.ts';
import {
  buildDiff,
  datasetSide,
  matchSides,
  savedSide,
  versionInUse,
  type VersionDiff,
} from '../plan-versions/plan-versions.service.ts';

/** Who saves an import, as the audit log records them. */
export interface ImportActor {
  id: string | null;
  label: string;
}

const CLI_IMPORT: ImportActor = { id: null, label: 'cli:import' };

export interface ImportOptions {
  /** Save as a new version (a draft) of this plan. */
  planId?: string;
  actor?: ImportActor;
  /** The plan this one follows (the 15th plan's predecessor is the 14th). */
  predecessorId?: string;
}

export interface SaveResult {
  planId: string;
  version: number;
  /** false when the document is the version in use already (a no-op) */
  saved: boolean;
  changes: string[];
  diff: VersionDiff;
}

export interface ImportPlanning {
  main: DatasetPlan;
  key: string;
  changes: string[];
  diff: VersionDiff;
  /** The plan in use that the version is compared with (null for a new plan). */
  base: PlanRow | null;
  /** A draft the document is identical to already (saving again is a no-op). */
  sameDraft: PlanRow | null;
  /** Plans the document only refers to (the previous plan's results table) that are in the database already. */
  reuse: Map<string, string>;
  predecessorKey: string | null;
}

/** The plan a document is about: the one no other plan in it names as predecessor or parent. */
function mainPlan(dataset: Dataset): DatasetPlan {
  const referenced = new Set(dataset.plans.flatMap((p) => [p.predecessorKey, p.parentKey]));
  const main = dataset.plans.find((p) => !referenced.has(p.key)) ?? dataset.plans[0];
  if (!main) throw new LantuError('not_a_plan', { zh: '文档中没有规划', en: 'The document holds no plan' });
  return main;
}

/** "苏州工业园区" and "苏州工业园区管理委员会" are one issuer; an unknown issuer matches any. */
function sameIssuer(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

/**
 * The plan in the database a referenced plan of the document is: the same key, else the plan named as
 * predecessor (or the version's predecessor) when the periods agree, else a master plan of the same period and
 * issuer. So importing an outline again, or its successor, never adds a second copy of the plan before it.
 */
async function existingFor(
  db: Queryable,
  p: DatasetPlan,
  known: { predecessor: PlanRow | null; all: PlanRow[] },
): Promise<string | null> {
  const byKey = await versionInUse(db, p.key);
  if (byKey) return byKey.key;
  const samePeriod = (q: PlanRow) => q.periodStart === p.periodStart && q.periodEnd === p.periodEnd;
  if (known.predecessor && samePeriod(known.predecessor)) return known.predecessor.key;
  const peer = known.all.find(
    (q) => samePeriod(q) && q.parentId === null && q.status === 'published' && sameIssuer(q.issuer, p.issuer),
  );
  return peer?.key ?? null;
}

/** What saving `dataset` would change: against the plan `planId` (a new version), or a new plan. */
export async function describeImport(
  db: Queryable,
  dataset: Dataset,
  opts: ImportOptions,
): Promise<ImportPlanning> {
  const main = mainPlan(dataset);
  let key = main.key;
  let base: PlanRow | null = null;
  let sameDraft: PlanRow | null = null;
  let diff: VersionDiff;
  if (opts.planId) {
    const current = await plansRepository.findById(db, opts.planId);
    if (!current) throw notFound('Plan', opts.planId);
    key = current.key;
    base = await versionInUse(db, key);
    if (!base) throw notFound('Plan', opts.planId);
    const after = datasetSide(main);
    diff = buildDiff(
      base,
      await savedSide(db, base.id),
      after,
      await planVersionsRepository.work(db, base.id),
    );
    const latest = await plansRepository.findLatestByKey(db, key);
    if (latest && latest.status === 'draft') {
      const draftSide = await savedSide(db, latest.id);
      if (describeVersionChanges(draftSide, after, matchSides(draftSide, after)).length === 0) {
        sameDraft = latest;
        diff = { ...diff, unchanged: true, changes: ['no changes 无变化'], changeList: [] };
      }
    }
  } else {
    let n = 1;
    while (await plansRepository.findLatestByKey(db, key)) key = `${main.key}-${++n}`;
    diff = buildDiff(null, { nodes: [], indicators: [] }, datasetSide(main), {
      items: new Map(),
      projects: [],
      snapshots: 0,
    });
    diff.changes = [`new plan 新规划: ${countNodes(main.nodes)} nodes, ${main.indicators.length} indicators`];
    diff.changeList = [];
  }
  let predecessor: PlanRow | null = null;
  if (opts.predecessorId) {
    predecessor = await plansRepository.findById(db, opts.predecessorId);
    if (!predecessor) throw notFound('Plan', opts.predecessorId);
  } else if (base?.predecessorId) {
    predecessor = await plansRepository.findById(db, base.predecessorId);
  }
  const all = await plansRepository.list(db);
  const reuse = new Map<string, string>();
  for (const p of dataset.plans) {
    if (p === main) continue;
    const found = await existingFor(db, p, {
      predecessor: p.key === main.predecessorKey ? predecessor : null,
      all,
    });
    if (found) reuse.set(p.key, found);
  }
  const docPredecessor =
    main.predecessorKey === null ? null : (reuse.get(main.predecessorKey) ?? main.predecessorKey);
  return {
    main,
    key,
    changes: diff.changes,
    diff,
    base,
    sameDraft,
    reuse,
    predecessorKey: predecessor?.key ?? docPredecessor,
  };
}

/**
 * Saves an imported plan: as a new plan, or as a new draft version of `planId` (a document equal to the version
 * in use saves nothing). Plans the document only refers to are added once and reused afterwards. One transaction.
 * `described` is what describeImport said for this dataset, when the caller already asked (it runs once).
 */
export async function savePlanDataset(
  db: Db,
  dataset: Dataset,
  opts: ImportOptions,
  described?: ImportPlanning,
): Promise<SaveResult> {
  const planning = described ?? (await describeImport(db, dataset, opts));
  const actor = opts.actor ?? CLI_IMPORT;
  const { main, key, changes, diff, base, reuse, sameDraft } = planning;
  if (sameDraft) return { planId: sameDraft.id, version: sameDraft.version, saved: false, changes, diff };
  if (base && diff.unchanged) return { planId: base.id, version: base.version, saved: false, changes, diff };
  const others = dataset.plans.filter((p) => p !== main && !reuse.has(p.key));
  const mapKey = (k: string | null) => (k === null ? null : (reuse.get(k) ?? k));
  const plans = [
    ...others.map((p) => ({
      ...p,
      predecessorKey: mapKey(p.predecessorKey),
      parentKey: mapKey(p.parentKey),
    })),
    { ...main, key, predecessorKey: planning.predecessorKey, parentKey: mapKey(main.parentKey) },
  ];
  const keys = new Set([...others.map((p) => p.key), main.key]);
  const projects = dataset.projects
    .filter((p) => keys.has(p.planKey))
    .map((p) => (p.planKey === main.key ? { ...p, planKey: key } : p));
  const loaded = await loadDataset(
    db,
    { ...dataset, plans, projects },
    { actor: actor.label, actorId: actor.id, asNewVersion: opts.planId !== undefined },
  );
  const saved = loaded.find((p) => p.key === key);
  if (!saved)
    throw new LantuError('internal', { zh: '导入的规划未能保存', en: 'The imported plan was not saved' });
  return { planId: saved.id, version: saved.version, saved: true, changes, diff };
}

/** Entry point for `lantu import FILE` (the configured database). */
export async function saveImportedPlan(dataset: Dataset, opts: ImportOptions): Promise<SaveResult> {
  const db = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    return await savePlanDataset(db, dataset, opts);
  } finally {
    await db.close();
  }
}
