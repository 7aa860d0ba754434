import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { observationsRepository } from '../../src/db/repositories/observations.repository.ts';
import {
  DEFAULT_DATASET_PATH,
  loadDataset,
  readDatasetFile,
} from '../../src/server/modules/datasets/dataset.service.ts';
import { publishPlanVersion } from '../../src/server/modules/plan-versions/plan-versions.service.ts';
import { seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { importOutline } from '../support/upload.ts';

/** A synthetic 15th-plan outline (2026–2030, 20 indicators, 12 continuing SIP 14th-plan indicators by name). */
const OUTLINE = readFileSync(new URL('../fixtures/sip-15th-outline.md', import.meta.url));

interface Plan {
  id: string;
  key: string;
  predecessorId: string | null;
  periodStart: number;
}

describe.each(testDatabases)(
  'the 15th plan as successor of the 14th on $kind (issue 15 §6)',
  ({ create }) => {
    const s = seededSuite(create);
    let admin: Client;
    let v14: string;
    let v15: string;

    beforeAll(async () => {
      v14 = s.planId;
      admin = await loginAs(s.app, s.db, 'admin');
      // the 14th plan's 2025 results (invented for the test: SIP has published none yet)
      const ids = new Map(
        (
          await s.db.query<{ id: string; code: string }>(
            'SELECT id, code FROM indicators WHERE plan_id = $1',
            [v14],
          )
        ).map((r) => [r.code, r.id]),
      );
      const approved = (code: string, value: number) => ({
        indicatorId: ids.get(code)!,
        period: '2025',
        year: 2025,
        kind: 'actual' as const,
        value,
        text: null,
        status: 'approved' as const,
        note: null,
        source: {
          kind: 'published' as const,
          title: '园区2025年统计公报（测试）',
          url: null,
          quote: String(value),
          releasedOn: '2026-03-01',
          basis: null,
          enteredBy: null,
        },
      });
      await observationsRepository.insertMany(s.db, [
        approved('T2-07', 1080), // 进出口总额: the 15th's baseline agrees
        approved('T2-03', 52.8), // 服务业增加值比重: the 15th says 53
        approved('T2-11', 3100), // 国家高新技术企业数: the 15th says 3000
      ]);
    });

    it('imports as successor: continuing indicators linked, baselines checked against the 14th’s 2025 results', async () => {
      const res = await importOutline(
        s.app,
        admin,
        `filename=plan15.md&preview=false&predecessor=${v14}`,
        OUTLINE,
      );
      expect(res.status).toBe(200);
      const saved = (await res.json()) as {
        saved: boolean;
        planId: string;
        periodStart: number;
        periodEnd: number;
      };
      expect(saved).toMatchObject({ saved: true, periodStart: 2026, periodEnd: 2030 });
      v15 = saved.planId;
      const plans = (await admin.request('GET', '/api/plans')).body.items as Plan[];
      expect(plans.find((p) => p.id === v15)!.predecessorId).toBe(v14);
      expect(plans.filter((p) => p.periodStart === 2021)).toHaveLength(1); // no second 14th plan

      const c = (await admin.request('GET', `/api/plans/${v15}/continuity`)).body as {
        predecessor: { key: string };
        linked: {
          code: string;
          name: string;
          predecessorCode: string;
          status: string;
          difference: number | null;
        }[];
        added: { name: string }[];
        differences: string[];
      };
      expect(c.predecessor.key).toBe('sip-14th');
      expect(c.linked.map((l) => `${l.code}←${l.predecessorCode}`)).toEqual([
        'T1-01←T2-01',
        'T1-02←T2-03',
        'T1-04←T2-07',
        'T1-06←T2-09',
        'T1-07←T2-11',
        'T1-10←T2-17',
        'T1-11←T2-18',
        'T1-13←T2-21',
        'T1-14←T2-22',
        'T1-17←T2-30',
        'T1-18←T2-31',
        'T1-19←T2-28',
      ]);
      expect(c.added).toHaveLength(8);
      const status = Object.fromEntries(c.linked.map((l) => [l.code, [l.status, l.difference]]));
      expect(status['T1-04']).toEqual(['agrees', 0]);
      expect(status['T1-02']).toEqual(['differs', 0.2]);
      expect(status['T1-07']).toEqual(['differs', -100]);
      expect(status['T1-14']).toEqual(['no_actual', null]);
      expect(c.differences).toHaveLength(2);
      expect(c.differences[0]).toContain('2025 baseline 53 vs sip-14th T2-03 actual 52.8 (+0.2)');
    });

    it('shows one indicator 2016–2030 as one series across the 13th, 14th and 15th plans', async () => {
      const indicators = (await admin.request('GET', `/api/plans/${v15}/indicators`)).body.items as {
        id: string;
        code: string;
      }[];
      const share = indicators.find((i) => i.code === 'T1-02')!;
      const s = (await admin.request('GET', `/api/indicators/${share.id}/lineage`)).body as {
        from: number;
        to: number;
        plans: { key: string; code: string }[];
        points: { year: number; value: number; kind: string; planKey: string }[];
      };
      expect([s.from, s.to]).toEqual([2016, 2030]);
      expect(s.plans.map((p) => `${p.key} ${p.code}`)).toEqual([
        'sip-13th T1-02',
        'sip-14th T2-03',
        'plan-2026-2030 T1-02',
      ]);
      expect(s.points.map((p) => `${p.year} ${p.value} ${p.kind} ${p.planKey}`)).toEqual([
        '2020 52.3 actual sip-13th',
        '2023 51.9 actual sip-14th',
        '2025 52.8 actual sip-14th',
      ]);
      // the same series from the 14th plan's indicator
      const from14 = (await admin.request('GET', `/api/plans/${v14}/indicators`)).body.items as {
        id: string;
        code: string;
      }[];
      const again = (
        await admin.request('GET', `/api/indicators/${from14.find((i) => i.code === 'T2-03')!.id}/lineage`)
      ).body as { plans: unknown[]; points: unknown[] };
      expect(again.plans).toEqual(s.plans);
      expect(again.points).toEqual(s.points);
    });

    it('keeps the link when the 14th plan is republished as a new version', async () => {
      const loaded = await loadDataset(s.db, readDatasetFile(DEFAULT_DATASET_PATH), {
        actor: 'test',
        asNewVersion: true,
      });
      const v14b = loaded.find((p) => p.key === 'sip-14th')!.id;
      await publishPlanVersion(s.db, v14b, { id: null, name: 'test' });
      const c = (await admin.request('GET', `/api/plans/${v15}/continuity`)).body as {
        predecessor: { planId: string };
        linked: unknown[];
        differences: string[];
      };
      expect(c.predecessor.planId).toBe(v14b);
      expect(c.linked).toHaveLength(12);
      expect(c.differences).toHaveLength(2);
    });
  },
);
