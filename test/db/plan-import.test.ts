import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { plansRepository } from '../../src/db/repositories/plans.repository.ts';
import { indicatorsRepository } from '../../src/db/repositories/indicators.repository.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { planDocumentToDataset } from '../../src/importers/to-dataset.ts';
import { savePlanDataset } from '../../src/server/modules/plans/plans.import.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import { testDatabases } from '../support/databases.ts';

import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, SIP_OUTLINE_PATH } from '../importers/support.ts';
import { dbSuite } from '../support/app.ts';
const OUTLINE = SIP_OUTLINE_PATH;

describe.skipIf(!HAVE_SIP_OUTLINE).each(testDatabases)(
  `saving an imported plan on $kind${NEEDS_SIP_OUTLINE}`,
  ({ create }) => {
    const s = dbSuite(create, { seed: true });
    let dataset: Dataset;

    beforeAll(() => {
      const doc = importPlan({ bytes: readFileSync(OUTLINE), filename: 'sip.txt' });
      dataset = planDocumentToDataset(doc, { planKey: 'imported' });
    });

    it('saves a document as a new plan next to the existing ones, reusing a known predecessor', async () => {
      const before = await plansRepository.count(s.db);
      const r = await savePlanDataset(s.db, dataset, {});
      expect(r.version).toBe(1);
      const plan = await plansRepository.findById(s.db, r.planId);
      expect(plan).toMatchObject({ periodStart: 2021, periodEnd: 2025, indicatorCount: 36 });
      // the previous plan in the document is the seeded 13th plan (same period and issuer, another key): it is
      // reused, not added a second time (issue 15 §5; two plans were added before)
      expect(await plansRepository.count(s.db)).toBe(before + 1);
      expect(plan?.predecessorId).toBe((await plansRepository.findPublishedByKey(s.db, 'sip-13th'))?.id);
    });

    it('saves nothing under --plan when nothing changed (a no-op diff)', async () => {
      const first = (await plansRepository.list(s.db)).find((p) => p.key === 'imported' && p.version === 1)!;
      const countBefore = await plansRepository.count(s.db);
      const r = await savePlanDataset(s.db, dataset, { planId: first.id });
      expect(r).toMatchObject({ saved: false, planId: first.id, version: 1 });
      expect(r.changes).toEqual(['no changes 无变化']);
      expect(await plansRepository.count(s.db)).toBe(countBefore);
    });

    it('reports a changed target in the new version, saved as a draft', async () => {
      const latest = await plansRepository.findLatestByKey(s.db, 'imported');
      const main = dataset.plans.find((p) => p.key === 'imported')!;
      const changed: Dataset = {
        ...dataset,
        plans: dataset.plans.map((p) =>
          p !== main
            ? p
            : {
                ...p,
                indicators: p.indicators.map((i) =>
                  i.code === 'T2-11'
                    ? {
                        ...i,
                        target: {
                          raw: '6000',
                          value: 6000,
                          comparator: 'eq' as const,
                          low: 6000,
                          high: 6000,
                        },
                      }
                    : i,
                ),
              },
        ),
      };
      const r = await savePlanDataset(s.db, changed, { planId: latest!.id });
      expect(r).toMatchObject({ saved: true, version: 2 });
      expect((await plansRepository.findById(s.db, r.planId))?.status).toBe('draft');
      expect(r.changes).toEqual(['~ indicator T2-11 国家高新技术企业数: target 5000 → 6000']);
      const inds = await indicatorsRepository.listByPlan(s.db, r.planId);
      expect(inds.find((i) => i.code === 'T2-11')?.target?.value).toBe(6000);
    });
  },
);
