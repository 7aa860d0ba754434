import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from '../../../db/db.types.ts';
import {
  assignmentsRepository,
  type NewAssignment,
} from '../../../db/repositories/assignments.repository.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { indicatorsRepository, type IndicatorRow } from '../../../db/repositories/indicators.repository.ts';
import { observationsRepository } from '../../../db/repositories/observations.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { projectsRepository } from '../../../db/repositories/projects.repository.ts';
import { spatialUnitsRepository } from '../../../db/repositories/spatial-units.repository.ts';
import { datasetSchema, type Dataset, type DatasetPlan } from '../../../domain/dataset.ts';
import { LantuError } from '../../../domain/errors.ts';
import { zodIssueMessage } from '../../../domain/zod-messages.ts';
import { flattenTree } from '../plans/plan-tree.ts';
import { planVersionsRepository } from '../../../db/repositories/plan-versions.repository.ts';
import { matchIndicators } from '../../../domain/plan-versions.ts';
import { versionInUse } from '../plan-versions/plan-versions.service.ts';
import { systemRepository } from '../../../db/repositories/system.repository.ts';
import { dataChanged } from '../../cache/data-version.ts';

export const DEFAULT_DATASET_PATH = fileURLToPath(
  new URL('../../../../data/sip-14th/dataset.json', import.meta.url),
);

export function readDatasetFile(path: string): Dataset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new LantuError('bad_request', {
      zh: `无法读取数据集 ${path}：${why}`,
      en: `Cannot read dataset ${path}: ${why}`,
    });
  }
  return parseDataset(raw, path);
}

export function parseDataset(raw: unknown, name = 'dataset'): Dataset {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.join('.') ?? '';
    throw new LantuError('validation_failed', {
      zh: `${name} 不是有效的 lantu 数据集：${issue ? zodIssueMessage([issue]).zh : ''}`,
      en: `${name} is not a valid lantu dataset: ${at} ${issue?.message ?? ''}`.trim(),
    });
  }
  return parsed.data;
}

export interface LoadedPlan {
  key: string;
  id: string;
  version: number;
}

export interface LoadOptions {
  /** Who loads it, as the audit log shows them: a user's e-mail, or "system:seed", "cli:import". */
  actor: string;
  /** The user's id when a signed-in user loads it (a plan imported over HTTP). */
  actorId?: string | null;
  /** Load each plan as a new version when a plan with the same key exists (otherwise that is a conflict). */
  asNewVersion?: boolean;
  /** Load nothing if the database already holds a plan (first-start seeding, safe with several nodes). */
  onlyIfEmpty?: boolean;
}

/** Arbitrary constant: serialises first-start seeding across app nodes. */
const SEED_LOCK = 7_357_002;

/** Loads a whole dataset in one transaction: all of it is there afterwards, or none of it. */
export async function loadDataset(db: Db, dataset: Dataset, options: LoadOptions): Promise<LoadedPlan[]> {
  return db.transaction(async (tx) => {
    if (options.onlyIfEmpty) {
      if (db.kind === 'postgres') await systemRepository.transactionLock(tx, SEED_LOCK);
      if ((await plansRepository.count(tx)) > 0) return [];
    }
    const departmentIds = await departmentsRepository.upsertMany(tx, dataset.departments);
    const unitIds = await spatialUnitsRepository.upsertMany(tx, dataset.spatialUnits);
    const loaded = new Map<string, LoadedPlan>();
    const nodeIdsByPlan = new Map<string, Map<string, string>>();
    for (const plan of orderByDependency(dataset.plans)) {
      const { loadedPlan, nodeIds } = await insertPlan(tx, plan, loaded, departmentIds, options);
      loaded.set(plan.key, loadedPlan);
      nodeIdsByPlan.set(plan.key, nodeIds);
    }
    await projectsRepository.insertMany(
      tx,
      dataset.projects.map((p) => {
        const plan = loaded.get(p.planKey);
        if (!plan)
          throw new LantuError('validation_failed', {
            zh: `项目 ${p.code} 所属的规划 ${p.planKey} 不存在`,
            en: `Project ${p.code} names unknown plan ${p.planKey}`,
          });
        return {
          planId: plan.id,
          code: p.code,
          name: p.name,
          category: p.category,
          leadUnit: p.leadUnit,
          spatialUnitId: p.spatialUnitCode ? (unitIds.get(p.spatialUnitCode) ?? null) : null,
          nodeId: p.nodePath ? (nodeIdsByPlan.get(p.planKey)?.get(p.nodePath.join('/')) ?? null) : null,
          totalInvestment: p.totalInvestment,
          investmentUnit: p.investmentUnit,
          startYear: p.startYear,
          endYear: p.endYear,
          stage: p.stage,
          description: p.description,
        };
      }),
    );
    await dataChanged(tx);
    return [...loaded.values()];
  });
}

async function insertPlan(
  tx: Queryable,
  plan: DatasetPlan,
  loaded: Map<string, LoadedPlan>,
  departmentIds: Map<string, string>,
  options: LoadOptions,
): Promise<{ loadedPlan: LoadedPlan; nodeIds: Map<string, string> }> {
  const existing = await plansRepository.findLatestByKey(tx, plan.key);
  if (existing && !options.asNewVersion) {
    throw new LantuError('conflict', {
      zh: `规划 ${plan.key} 已存在（id ${existing.id}），可作为新版本导入`,
      en: `A plan with key ${plan.key} already exists (id ${existing.id})`,
    });
  }
  const refId = async (key: string | null): Promise<string | null> =>
    key === null ? null : (loaded.get(key)?.id ?? (await versionInUse(tx, key))?.id ?? null);
  const id = randomUUID();
  const version = existing ? existing.version + 1 : 1;
  await plansRepository.insert(tx, {
    id,
    key: plan.key,
    version,
    title: plan.title,
    shortTitle: plan.shortTitle,
    issuer: plan.issuer,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    visionYear: plan.visionYear,
    parentId: await refId(plan.parentKey),
    predecessorId: await refId(plan.predecessorKey),
    // A new version is a draft: departments and the public go on seeing the published one until it is published.
    status: existing ? 'draft' : 'published',
  });
  const tree = flattenTree(plan.nodes);
  await plansRepository.insertNodes(tx, id, tree.rows);

  const indicatorRows: IndicatorRow[] = plan.indicators.map((ind, position) => ({
    id: randomUUID(),
    planId: id,
    nodeId: ind.nodePath ? (tree.idByPath.get(ind.nodePath.join('/')) ?? null) : null,
    code: ind.code,
    position,
    name: ind.name,
    unit: ind.unit,
    category: ind.category,
    attribute: ind.attribute,
    kind: ind.kind,
    direction: ind.direction,
    baselineYear: ind.baselineYear,
    baseline: ind.baseline,
    targetYear: ind.targetYear,
    target: ind.target,
    tolerance: ind.tolerance,
    relatedCode: ind.relatedCode,
    frequency: ind.frequency,
    dataSource: ind.dataSource,
    origin: ind.origin,
    kindRule: ind.kindRule,
    tableNumber: ind.tableNumber,
    rowNumber: ind.rowNumber,
  }));
  await indicatorsRepository.insertMany(tx, indicatorRows);
  if (existing) await keepCuratedMetadata(tx, existing.key, plan, indicatorRows);
  const indicatorIdByCode = new Map(indicatorRows.map((r) => [r.code, r.id]));

  const assignments: NewAssignment[] = [];
  plan.indicators.forEach((ind, i) => {
    ind.departments.forEach((code, j) => {
      const departmentId = departmentIds.get(code);
      if (!departmentId)
        throw new LantuError('validation_failed', {
          zh: `指标 ${ind.code} 的责任部门 ${code} 不存在`,
          en: `Indicator ${ind.code} names unknown department ${code}`,
        });
      assignments.push({
        planId: id,
        nodeId: null,
        indicatorId: indicatorRows[i]?.id ?? null,
        departmentId,
        role: j === 0 ? 'lead' : 'co',
      });
    });
  });
  await assignmentsRepository.insertMany(tx, assignments);

  await observationsRepository.insertMany(
    tx,
    plan.observations.map((o) => {
      const indicatorId = indicatorIdByCode.get(o.code);
      if (!indicatorId)
        throw new LantuError('validation_failed', {
          zh: `数据所属的指标 ${o.code} 不存在`,
          en: `Observation names unknown indicator ${o.code}`,
        });
      return {
        indicatorId,
        period: String(o.year),
        year: o.year,
        kind: o.kind,
        value: o.value,
        text: o.text,
        status: 'approved' as const,
        note: o.note,
        version: o.revision,
        source: o.source,
      };
    }),
  );
  await auditRepository.append(tx, {
    actorId: options.actorId ?? null,
    actor: options.actor,
    action: 'create',
    entity: 'plan',
    entityId: id,
    before: null,
    after: {
      key: plan.key,
      version,
      title: plan.title,
      indicators: indicatorRows.length,
      nodes: tree.rows.length,
    },
  });
  return { loadedPlan: { key: plan.key, id, version }, nodeIds: tree.idByPath };
}

/**
 * The indicators a new version continues keep the kind, direction, tolerance, frequency and due days of the
 * version in use, unless the new document changed the target (then the kind read from it fits better).
 */
async function keepCuratedMetadata(
  tx: Queryable,
  key: string,
  plan: DatasetPlan,
  rows: readonly IndicatorRow[],
): Promise<void> {
  const base = await versionInUse(tx, key);
  if (!base) return;
  const before = await indicatorsRepository.listByPlan(tx, base.id);
  const m = matchIndicators(before, rows);
  const byId = new Map(before.map((b) => [b.id, b]));
  const targets = new Map(plan.indicators.map((i, k) => [rows[k]?.id, i.target?.raw ?? '']));
  const pairs = [...m.pairs]
    .filter(([oldId, newId]) => (byId.get(oldId)?.target?.raw ?? '') === targets.get(newId))
    .map(([old_id, new_id]) => ({ old_id, new_id }));
  await planVersionsRepository.copyCurated(tx, pairs);
}

/** Predecessors and parents first, so references resolve. */
function orderByDependency(plans: readonly DatasetPlan[]): DatasetPlan[] {
  const byKey = new Map(plans.map((p) => [p.key, p]));
  const out: DatasetPlan[] = [];
  const seen = new Set<string>();
  const visit = (p: DatasetPlan, stack: Set<string>) => {
    if (seen.has(p.key)) return;
    if (stack.has(p.key))
      throw new LantuError('validation_failed', {
        zh: `规划之间循环引用（在 ${p.key} 处）`,
        en: `Plans refer to each other in a cycle at ${p.key}`,
      });
    stack.add(p.key);
    for (const ref of [p.predecessorKey, p.parentKey]) {
      const dep = ref === null ? undefined : byKey.get(ref);
      if (dep) visit(dep, stack);
    }
    seen.add(p.key);
    out.push(p);
  };
  for (const p of plans) visit(p, new Set());
  return out;
}

/** First start: an empty database gets the default SIP dataset. Returns what was loaded, or [] if not empty. */
export async function seedIfEmpty(db: Db, path = DEFAULT_DATASET_PATH): Promise<LoadedPlan[]> {
  if ((await plansRepository.count(db)) > 0) return [];
  return loadDataset(db, readDatasetFile(path), { actor: 'system:seed', onlyIfEmpty: true });
}
