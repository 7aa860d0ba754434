import type { Db } from '../../src/db/db.types.ts';
import type { z } from 'zod';
import type { Dataset, DatasetIndicator, datasetPlanSchema } from '../../src/domain/dataset.ts';
import { makeSpec } from '../../src/domain/evaluation/testkit.ts';
import { loadDataset } from '../../src/server/modules/datasets/dataset.service.ts';
import { testApp, type TestApp } from './app.ts';

type PlanInput = z.input<typeof datasetPlanSchema>;

/**
 * A plan of a test dataset: the 14th plan's period (2021–2025), no short title, issuer, vision year, parent or
 * predecessor, and no nodes, indicators or observations unless given. As a dataset file holds it: parse it.
 */
export function testPlan({
  key,
  title,
  ...p
}: Pick<PlanInput, 'key' | 'title'> & Partial<PlanInput>): PlanInput {
  return {
    key,
    title,
    shortTitle: null,
    issuer: null,
    periodStart: 2021,
    periodEnd: 2025,
    visionYear: null,
    parentKey: null,
    predecessorKey: null,
    nodes: [],
    indicators: [],
    observations: [],
    ...p,
  };
}

/** Row `rowNumber` of the plan's table 1: the spec makeSpec builds, placed under no node. */
export function tableIndicator(rowNumber: number, spec: Parameters<typeof makeSpec>[0]): DatasetIndicator {
  return { ...makeSpec(spec), nodePath: null, tableNumber: 1, rowNumber };
}

/** A test database with `dataset` loaded, the real app over it, and the first plan's id. */
export async function datasetApp(
  create: () => Promise<{ db: Db; dispose: () => Promise<void> }>,
  dataset: Dataset,
): Promise<{ db: Db; dispose: () => Promise<void>; app: TestApp; planId: string }> {
  const { db, dispose } = await create();
  const [loaded] = await loadDataset(db, dataset, { actor: 'test' });
  return { db, dispose, app: testApp(db), planId: loaded!.id };
}
