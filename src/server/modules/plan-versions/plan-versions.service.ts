import type { Db, Queryable } from '../../../db/db.types.ts';
import { auditRepository } from '../../../db/repositories/audit.repository.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import {
  NO_WORK,
  planVersionsRepository,
  type ItemWork,
  type PlanWork,
} from '../../../db/repositories/plan-versions.repository.ts';
import { plansRepository, type PlanRow } from '../../../db/repositories/plans.repository.ts';
import type { DatasetPlan } from '../../../domain/dataset.ts';
import { LantuError } from '../../../domain/errors.ts';
import {
  changeLine,
  versionChangeList,
  type VersionChange,
  type VersionSide,
} from '../../../domain/plan-diff.ts';
import { matchIndicators, matchNodes, type Matching } from '../../../domain/plan-versions.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notFound } from '../../errors.ts';
import { flattenTree } from '../plans/plan-tree.ts';

export interface VersionItem {
  type: 'indicator' | 'node';
  kind: string;
  code: string | null;
  name: string;
  /** how a carried item was recognised in the new version */
  matchedBy?: string;
  work?: ItemWork;
}

/** What publishing a version would do to the work of the version in use (the import preview shows it). */
export interface VersionDiff {
  basePlanId: string | null;
  baseVersion: number | null;
  /** The document is the version in use: saving it changes nothing. */
  unchanged: boolean;
  changes: string[];
  /** The same changes as data, for a screen to word in its language. */
  changeList: VersionChange[];
  /** the work carried over (the kinds of ItemWork, summed) and how many indicators, nodes, projects, snapshots */
  carried: ItemWork & { indicators: number; nodes: number; projects: number; snapshots: number };
  /** matched items that have work, with what moves */
  carriedItems: VersionItem[];
  added: VersionItem[];
  /** in the version in use, not in the new one, no work attached */
  removed: VersionItem[];
  /** not in the new version but with work: it stays on the old version, reachable there */
  orphaned: VersionItem[];
}

/** The facts of an indicator a version comparison looks at, the same for a document's plan and a saved one. */
interface ComparedIndicator {
  code: string;
  name: string;
  unit: string | null;
  kind: string;
  attribute: string;
  baseline?: { raw: string } | null;
  target?: { raw: string } | null;
}

/** One indicator as a side of the comparison holds it, under the id that side keys it by. */
function indicatorSide(i: ComparedIndicator, id: string): VersionSide['indicators'][number] {
  return {
    id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    kind: i.kind,
    attribute: i.attribute,
    baseline: i.baseline?.raw ?? null,
    target: i.target?.raw ?? null,
  };
}

/** A dataset plan as the comparison sees it: node ids are index paths, indicator ids are codes. */
export function datasetSide(plan: DatasetPlan): VersionSide {
  let n = 0;
  const tree = flattenTree(plan.nodes, () => `n${n++}`);
  return {
    nodes: tree.rows.map((r) => ({ ...r })),
    indicators: plan.indicators.map((i) => indicatorSide(i, i.code)),
  };
}

export async function savedSide(db: Queryable, planId: string): Promise<VersionSide> {
  const [nodes, indicators] = await Promise.all([
    plansRepository.listNodes(db, planId),
    indicatorsRepository.listByPlan(db, planId),
  ]);
  return {
    nodes,
    indicators: indicators.map((i) => indicatorSide(i, i.id)),
  };
}

export function matchSides(
  before: VersionSide,
  after: VersionSide,
): { indicators: Matching; nodes: Matching } {
  return {
    indicators: matchIndicators(before.indicators, after.indicators),
    nodes: matchNodes(before.nodes, after.nodes),
  };
}

const sum = (w: ItemWork): number =>
  w.assignments + w.observations + w.workPlans + w.taskReports + w.projectLinks + w.comments;

export function buildDiff(
  base: PlanRow | null,
  before: VersionSide,
  after: VersionSide,
  work: PlanWork,
): VersionDiff {
  const m = matchSides(before, after);
  const changeList = versionChangeList(before, after, m);
  const changes = changeList.map(changeLine);
  // By id, not by searching the list for each item: 13,000 added nodes searched one by one held the
  // event loop ~100 ms (issue 12).
  const byId = new Map<
    VersionSide,
    {
      indicators: Map<string, VersionSide['indicators'][number]>;
      nodes: Map<string, VersionSide['nodes'][number]>;
    }
  >();
  const index = (side: VersionSide) => {
    let ix = byId.get(side);
    if (!ix) {
      ix = {
        indicators: new Map(side.indicators.map((i) => [i.id, i])),
        nodes: new Map(side.nodes.map((n) => [n.id, n])),
      };
      byId.set(side, ix);
    }
    return ix;
  };
  const item = (side: VersionSide, id: string, type: 'indicator' | 'node'): VersionItem => {
    if (type === 'indicator') {
      const i = index(side).indicators.get(id);
      return { type, kind: i?.kind ?? '', code: i?.code ?? null, name: i?.name ?? '' };
    }
    const n = index(side).nodes.get(id);
    return { type, kind: n?.kind ?? '', code: n?.number ?? null, name: n?.title ?? '' };
  };
  const carried: VersionDiff['carried'] = {
    indicators: m.indicators.pairs.size,
    nodes: m.nodes.pairs.size,
    ...NO_WORK,
    projects: work.projects.length,
    snapshots: work.snapshots,
  };
  const carriedItems: VersionItem[] = [];
  const removed: VersionItem[] = [];
  const orphaned: VersionItem[] = [];
  for (const type of ['indicator', 'node'] as const) {
    const matching = type === 'indicator' ? m.indicators : m.nodes;
    for (const [oldId, newId] of matching.pairs) {
      const w = work.items.get(oldId);
      if (!w || sum(w) === 0) continue;
      for (const k of Object.keys(w) as (keyof ItemWork)[]) carried[k] += w[k];
      carriedItems.push({ ...item(before, oldId, type), matchedBy: matching.how.get(newId), work: w });
    }
    for (const oldId of matching.removed) {
      const w = work.items.get(oldId);
      if (w && sum(w) > 0) orphaned.push({ ...item(before, oldId, type), work: w });
      else removed.push(item(before, oldId, type));
    }
  }
  const added = [
    ...m.indicators.added.map((id) => item(after, id, 'indicator')),
    ...m.nodes.added.map((id) => item(after, id, 'node')),
  ];
  return {
    basePlanId: base?.id ?? null,
    baseVersion: base?.version ?? null,
    unchanged: base !== null && changes.length === 0,
    changes: changes.length === 0 ? ['no changes 无变化'] : changes,
    changeList,
    carried,
    carriedItems,
    added,
    removed,
    orphaned,
  };
}

/** The version of `planId`'s key in use, which a new version's work is carried from. */
export async function versionInUse(db: Queryable, key: string): Promise<PlanRow | null> {
  return (
    (await plansRepository.findPublishedByKey(db, key)) ?? (await plansRepository.findLatestByKey(db, key))
  );
}

/** What publishing the draft `draftId` would carry over from the published version. */
export async function publishPreview(db: Queryable, draftId: string): Promise<VersionDiff> {
  const draft = await plansRepository.findById(db, draftId);
  if (!draft) throw notFound('Plan', draftId);
  const base = await plansRepository.findPublishedByKey(db, draft.key);
  const after = await savedSide(db, draftId);
  if (!base || base.id === draftId) {
    return buildDiff(null, { nodes: [], indicators: [] }, after, {
      items: new Map(),
      projects: [],
      snapshots: 0,
    });
  }
  return buildDiff(base, await savedSide(db, base.id), after, await planVersionsRepository.work(db, base.id));
}

/**
 * Publishing a draft version: one audited transaction. The work of the version in use moves onto the items
 * it matches (by code, then by name), the old version is kept as superseded with whatever did not match.
 */
export async function publishPlanVersion(
  db: Db,
  draftId: string,
  actor: { id: string | null; name: string },
): Promise<{ planId: string; version: number; previousId: string | null; diff: VersionDiff }> {
  return db.transaction(async (tx) => {
    const draft = await plansRepository.findById(tx, draftId);
    if (!draft) throw notFound('Plan', draftId);
    if (draft.status !== 'draft') {
      throw new LantuError('conflict', {
        zh: '该版本不是草稿，无需发布',
        en: `Version ${draft.version} is ${draft.status}, not a draft`,
      });
    }
    const diff = await publishPreview(tx, draftId);
    const base = diff.basePlanId;
    if (base) {
      const before = await savedSide(tx, base);
      const m = matchSides(before, await savedSide(tx, draftId));
      const pairs = [...m.indicators.pairs, ...m.nodes.pairs].map(([old_id, new_id]) => ({ old_id, new_id }));
      await planVersionsRepository.carryOver(tx, base, draftId, pairs);
      await plansRepository.setStatus(tx, base, 'superseded');
    }
    await plansRepository.setStatus(tx, draftId, 'published', actor.name);
    await auditRepository.append(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'publish',
      entity: 'plan',
      entityId: draftId,
      before: base ? { planId: base, version: diff.baseVersion, status: 'published' } : null,
      after: {
        key: draft.key,
        version: draft.version,
        status: 'published',
        carried: diff.carried,
        orphaned: diff.orphaned.map((o) => `${o.type} ${o.code ?? ''} ${o.name}`.trim()),
      },
    });
    await dataChanged(tx);
    return { planId: draftId, version: draft.version, previousId: base, diff };
  });
}

export interface DiscardResult {
  planId: string;
  key: string;
  version: number;
  /** what went with the draft */
  discarded: { indicators: number; nodes: number; projects: number; observations: number };
}

/**
 * Discarding a draft version: one audited transaction that removes it and whatever was entered on it while it
 * was a draft. The published version and its work are untouched; a published or superseded version is refused.
 */
export async function discardPlanDraft(
  db: Db,
  draftId: string,
  actor: { id: string | null; name: string },
): Promise<DiscardResult> {
  return db.transaction(async (tx) => {
    const draft = await plansRepository.findById(tx, draftId);
    if (!draft) throw notFound('Plan', draftId);
    if (draft.status !== 'draft') {
      throw new LantuError('conflict', {
        zh: '仅草稿版本可放弃，已发布或已替代的版本不能删除',
        en: `Version ${draft.version} is ${draft.status}; only a draft can be discarded`,
      });
    }
    const users = await planVersionsRepository.referencedBy(tx, draftId);
    if (users.length > 0) {
      throw new LantuError('conflict', {
        zh: '有规划以此草稿为前序规划，不能放弃',
        en: `Plans name this draft as their predecessor: ${users.map((u) => u.title).join('; ')}`,
      });
    }
    const [side, work] = await Promise.all([
      savedSide(tx, draftId),
      planVersionsRepository.work(tx, draftId),
    ]);
    let observations = 0;
    for (const w of work.items.values()) observations += w.observations;
    const discarded = {
      indicators: side.indicators.length,
      nodes: side.nodes.length,
      projects: work.projects.length,
      observations,
    };
    await planVersionsRepository.remove(tx, draftId);
    await auditRepository.append(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'discard',
      entity: 'plan',
      entityId: draftId,
      before: { key: draft.key, version: draft.version, status: 'draft', title: draft.title, ...discarded },
      after: null,
    });
    await dataChanged(tx);
    return { planId: draftId, key: draft.key, version: draft.version, discarded };
  });
}
