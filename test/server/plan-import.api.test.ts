import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { buildDocxFixture } from '../support/docx-fixtures.ts';
import { buildPdf } from '../support/pdf-fixtures.ts';
import { REPORT_OUTLINE_EXPECTED, REPORT_OUTLINE_MD } from '../support/report-fixture.ts';
import { loginAs, type Client } from '../support/session.ts';
import { importOutline } from '../support/upload.ts';

import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, SIP_OUTLINE_PATH } from '../importers/support.ts';
const OUTLINE = HAVE_SIP_OUTLINE ? readFileSync(SIP_OUTLINE_PATH) : new Uint8Array();

describe.skipIf(!HAVE_SIP_OUTLINE).each(testDatabases)(
  `plan import API on $kind${NEEDS_SIP_OUTLINE}`,
  ({ create }) => {
    const s = seededSuite(create);
    let admin: Client;

    const upload = (client: Client, query: string, bytes: Uint8Array) =>
      importOutline(s.app, client, query, bytes);

    beforeAll(async () => {
      admin = await loginAs(s.app, s.db, 'admin');
    });

    it('previews an outline without saving it', async () => {
      const before = (await getJson<{ items: unknown[] }>(s.app, '/api/plans')).body.items.length;
      const res = await upload(admin, 'filename=outline.txt', OUTLINE);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        saved: boolean;
        counts: Record<string, number>;
        tree: { children: unknown[] }[];
      };
      expect(body.saved).toBe(false);
      expect(body.counts).toMatchObject({
        parts: 6,
        chapters: 26,
        sections: 70,
        tableIndicators: 36,
        boxes: 6,
        figures: 3,
      });
      expect(body.tree.filter((n) => n.children.length > 0)).toHaveLength(6);
      expect((await getJson<{ items: unknown[] }>(s.app, '/api/plans')).body.items.length).toBe(before);
    });

    it('returns the import report with the preview: gaps, tables not understood, rows and targets to check', async () => {
      const res = await upload(admin, 'filename=outline.md', new TextEncoder().encode(REPORT_OUTLINE_MD));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { saved: boolean; report: unknown };
      expect(body.saved).toBe(false);
      expect(body.report).toEqual(REPORT_OUTLINE_EXPECTED);
    });

    it('previews a .pdf outline', async () => {
      const pdf = buildPdf({
        pages: [['某区国民经济和社会发展第十五个五年规划纲要', '第一章 发展基础', '全区经济稳步增长。']],
      });
      const res = await upload(admin, 'filename=outline.pdf', pdf);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { title: string; periodStart: number; counts: { chapters: number } };
      expect(body).toMatchObject({ title: '某区国民经济和社会发展第十五个五年规划纲要', periodStart: 2026 });
      expect(body.counts.chapters).toBe(1);
      const scan = await upload(admin, 'filename=scan.pdf', buildPdf({ pages: [[]] }));
      expect(scan.status).toBe(415);
      expect(((await scan.json()) as { error: { message: string } }).error.message).toMatch(
        /OCR is not supported/,
      );
    });

    it('saves a .docx as a new plan; the same outline again as a version of it saves nothing', async () => {
      const docx = await buildDocxFixture(importPlan({ bytes: OUTLINE, filename: 'outline.txt' }), 'styled');
      const saved = await upload(admin, 'filename=outline.docx&preview=false', docx);
      expect(saved.status).toBe(200);
      const first = (await saved.json()) as { saved: boolean; planId: string; version: number };
      expect(first).toMatchObject({ saved: true, version: 1 });
      const tree = await getJson<{ nodes: { kind: string }[] }>(s.app, `/api/plans/${first.planId}/tree`);
      expect(tree.body.nodes.filter((n) => n.kind === 'part')).toHaveLength(6);

      const again = await upload(admin, `filename=outline.txt&preview=false&planId=${first.planId}`, OUTLINE);
      const second = (await again.json()) as {
        saved: boolean;
        planId: string;
        version: number;
        changes: string[];
        versionDiff: { unchanged: boolean };
      };
      // issue 15 §5: a no-op diff, no version 2 (the test expected a new version before)
      expect(second).toMatchObject({ saved: false, planId: first.planId, version: 1 });
      expect(second.changes).toEqual(['no changes 无变化']);
      expect(second.versionDiff.unchanged).toBe(true);
      // the outline's Table 1 (the 13th plan) is the seeded 13th plan, not a second copy
      const plans = (await getJson<{ items: { key: string; periodStart: number }[] }>(s.app, '/api/plans'))
        .body.items;
      expect(plans.filter((p) => p.periodStart === 2016)).toHaveLength(1);
    });

    it('refuses non-admins, non-plans and unknown formats with typed errors', async () => {
      const dept = await loginAs(s.app, s.db, 'department', ['KJJ']);
      expect((await upload(dept, 'filename=outline.txt', OUTLINE)).status).toBe(403);
      const notPlan = await upload(
        admin,
        'filename=notes.txt',
        new TextEncoder().encode('会议纪要\n今天天气很好。'),
      );
      expect(notPlan.status).toBe(422);
      expect(((await notPlan.json()) as { error: { code: string } }).error.code).toBe('not_a_plan');
      const zip = await upload(
        admin,
        'filename=broken.docx',
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      );
      expect([415, 422]).toContain(zip.status);
    });
  },
);
