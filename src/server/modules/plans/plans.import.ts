import type { Db, Queryable } from '../../../db/db.types.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import type { Dataset, DatasetPlan } from '../../../domain/dataset.ts';
import { LantuError } from '../../../domain/errors.ts';
import { describePlanChanges } from '../../../domain/plan-diff.ts';
import { countNodes } from '../../../domain/plan.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../database.ts';
import { createLogger } from '../../logger.ts';
import { notFound } from '../../errors.ts';
import { loadDataset } from '../datasets/dataset.service.ts';

export interface SaveResult {
  planId: string;
  version: number;
  changes: string[];
}

/** The plan a document is about: the one no other plan in it names as predecessor or parent. */
function mainPlan(dataset: Dataset): DatasetPlan {
  const referenced = new Set(dataset.plans.flatMap((p) => [p.predecessorKey, p.parentKey]));
  const main = dataset.plans.find((p) => !referenced.has(p.key)) ?? dataset.plans[0];
  if (!main) throw new LantuError('not_a_plan', 'The document holds no plan');
  return main;
}

/** What saving `dataset` would change: against the plan `planId` (a new version), or a new plan. */
export interface ImportDescription {
  main: DatasetPlan;
  key: string;
  changes: string[];
}

export async function describeImport(
  db: Queryable,
  dataset: Dataset,
  opts: { planId?: string },
): Promise<ImportDescription> {
  const main = mainPlan(dataset);
  if (opts.planId) {
    const current = await plansRepository.findById(db, opts.planId);
    if (!current) throw notFound('Plan', opts.planId);
    const [nodes, indicators] = await Promise.all([
      plansRepository.listNodes(db, current.id),
      indicatorsRepository.listByPlan(db, current.id),
    ]);
    return {
      main,
      key: current.key,
      changes: describePlanChanges({ nodeCount: nodes.length, indicators }, main),
    };
  }
  let key = main.key;
  let n = 1;
  while (await plansRepository.findLatestByKey(db, key)) key = `${main.key}-${++n}`;
  return {
    main,
    key,
    changes: [`new plan 新规划: ${countNodes(main.nodes)} nodes, ${main.indicators.length} indicators`],
  };
}

/** Who saves an import, as the audit log records them. */
export interface ImportActor {
  id: string | null;
  label: string;
}

const CLI_IMPORT: ImportActor = { id: null, label: 'cli:import' };

/**
 * Saves an imported plan: as a new plan, or as a new version of `planId`. Plans the document only refers to
 * (the previous plan's results table) are added once and reused afterwards. One transaction. `described` is
 * what describeImport said for this dataset, when the caller already asked (the comparison runs once).
 */
export async function savePlanDataset(
  db: Db,
  dataset: Dataset,
  opts: { planId?: string; actor?: ImportActor },
  described?: ImportDescription,
): Promise<SaveResult> {
  const { main, key, changes } = described ?? (await describeImport(db, dataset, opts));
  const actor = opts.actor ?? CLI_IMPORT;
  const others: DatasetPlan[] = [];
  for (const p of dataset.plans) {
    if (p === main) continue;
    if (!(await plansRepository.findLatestByKey(db, p.key))) others.push(p);
  }
  const plans = [...others, { ...main, key }];
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
  if (!saved) throw new LantuError('internal', 'The imported plan was not saved');
  return { planId: saved.id, version: saved.version, changes };
}

/** Entry point for `lantu import FILE` (the configured database). */
export async function saveImportedPlan(dataset: Dataset, opts: { planId?: string }): Promise<SaveResult> {
  const db = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    return await savePlanDataset(db, dataset, opts);
  } finally {
    await db.close();
  }
}
