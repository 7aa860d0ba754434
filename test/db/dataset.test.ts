import { beforeAll, describe, expect, it } from 'vitest';
import { plansRepository } from '../../src/db/repositories/plans.repository.ts';
import { indicatorsRepository } from '../../src/db/repositories/indicators.repository.ts';
import { observationsRepository } from '../../src/db/repositories/observations.repository.ts';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { migrate } from '../../src/db/migrate.ts';
import {
  DEFAULT_DATASET_PATH,
  loadDataset,
  readDatasetFile,
  seedIfEmpty,
} from '../../src/server/modules/datasets/dataset.service.ts';
import { buildTree } from '../../src/server/modules/plans/plan-tree.ts';
import { LantuError } from '../../src/domain/errors.ts';
import { testDatabases } from '../support/databases.ts';
import { dbSuite } from '../support/app.ts';

describe.each(testDatabases)('default SIP dataset on $kind', ({ kind, create }) => {
  const s = dbSuite(create);

  beforeAll(() => {
    console.info(`[db] dataset tests running against ${kind}`);
  });

  it('seeds an empty database once, and not again', async () => {
    const first = await seedIfEmpty(s.db);
    expect(first.map((p) => p.key).sort()).toEqual(['sip-13th', 'sip-14th']);
    expect(await seedIfEmpty(s.db)).toEqual([]);
    expect(await plansRepository.count(s.db)).toBe(2);
  });

  it('migrating twice applies nothing the second time', async () => {
    expect(await migrate(s.db)).toEqual([]);
  });

  it('lists the 14th plan with 36 table indicators and the 13th with 22', async () => {
    const plans = await plansRepository.list(s.db);
    const byKey = new Map(plans.map((p) => [p.key, p]));
    const p14 = byKey.get('sip-14th');
    expect(p14).toMatchObject({ periodStart: 2021, periodEnd: 2025, visionYear: 2035, indicatorCount: 36 });
    expect(byKey.get('sip-13th')).toMatchObject({ periodStart: 2016, periodEnd: 2020, indicatorCount: 22 });
    expect(p14?.predecessorId).toBe(byKey.get('sip-13th')?.id);
  });

  it('keeps the tree: preamble, 6 parts, 26 chapters in order', async () => {
    const p14 = await plansRepository.findLatestByKey(s.db, 'sip-14th');
    const tree = buildTree(await plansRepository.listNodes(s.db, p14!.id));
    expect(tree[0]?.kind).toBe('preamble');
    const parts = tree.filter((n) => n.kind === 'part');
    expect(parts.map((p) => p.number)).toEqual(['第一篇', '第二篇', '第三篇', '第四篇', '第五篇', '第六篇']);
    const chapters = parts.flatMap((p) => p.children.filter((c) => c.kind === 'chapter'));
    expect(chapters).toHaveLength(26);
    expect(chapters[16]?.number).toBe('第17章');
    expect(chapters[25]?.title).toBe('创新规划实施机制');
  });

  it('stores indicator quantities and kinds exactly', async () => {
    const p14 = await plansRepository.findLatestByKey(s.db, 'sip-14th');
    const inds = await indicatorsRepository.listByPlan(s.db, p14!.id);
    const gdp = inds.find((i) => i.code === 'T2-11');
    expect(gdp).toMatchObject({
      name: '国家高新技术企业数',
      unit: '家',
      kind: 'level',
      attribute: 'expected',
    });
    expect(gdp?.baseline?.value).toBe(1837);
    expect(gdp?.target?.value).toBe(5000);
    const unemployment = inds.find((i) => i.code === 'T2-22');
    expect(unemployment).toMatchObject({ attribute: 'binding', kind: 'ceiling', direction: 'decrease' });
  });

  it('records the 13th plan results as approved observations', async () => {
    const p13 = await plansRepository.findLatestByKey(s.db, 'sip-13th');
    const obs = await observationsRepository.listByPlan(s.db, p13!.id);
    expect(obs).toHaveLength(22);
    expect(obs.every((o) => o.status === 'approved' && o.year === 2020)).toBe(true);
    expect(obs.find((o) => o.text === '人普结果尚未发布')).toBeDefined();
  });

  it('refuses to load the same plan key twice unless asked for a new version, and leaves nothing half-written', async () => {
    const dataset = readDatasetFile(DEFAULT_DATASET_PATH);
    const before = await plansRepository.count(s.db);
    await expect(loadDataset(s.db, dataset, { actor: 'test' })).rejects.toBeInstanceOf(LantuError);
    expect(await plansRepository.count(s.db)).toBe(before);
    const again = await loadDataset(s.db, dataset, { actor: 'test', asNewVersion: true });
    expect(again.map((p) => p.version)).toEqual([2, 2]);
    const audit = await auditRepository.list(s.db, { entity: 'plan' });
    expect(audit.length).toBe(4);
  });
});
