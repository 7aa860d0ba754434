import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { formChallenge, postFeedback } from '../support/feedback.ts';
import { loginAs, type Client } from '../support/session.ts';
import { parseStrictXml, strictOfficeXml } from '../support/strict-xml.ts';

/** Characters XML 1.0 forbids, as a visitor or a department can type or paste them. */
const HOSTILE = 'a\u0001b\u0008c\u000bd\u001fe\uffff';

describe.each(testDatabases)(
  'XML written with hostile characters on $kind (issue 12, break 8)',
  ({ create }) => {
    const s = seededSuite(create);
    let admin: Client;
    let indicator: PlanIndicator;

    beforeAll(async () => {
      admin = await loginAs(s.app, s.db, 'admin');
      indicator = (await indicatorsOf<PlanIndicator>(s.app, s.planId)).find((i) => i.code === 'T2-22')!;
    });

    it('keeps both Atom feeds valid XML when a published comment and its reply hold U+0001', async () => {
      const sent = await postFeedback(s.app, {
        targetType: 'indicator',
        targetId: indicator.id,
        body: `意见 ${HOSTILE}`,
        name: `名 ${HOSTILE}`,
        challenge: await formChallenge(s.db),
      });
      expect(sent.status).toBe(202);
      const { id } = (await sent.json()) as { id: string };
      expect((await admin.request('POST', `/api/feedback/${id}/publish`, {})).status).toBe(200);
      const dept = await loginAs(s.app, s.db, 'department', [indicator.departments[0]!.code]);
      expect(
        (await dept.request('POST', `/api/feedback/${id}/reply`, { body: `答复 ${HOSTILE}` })).status,
      ).toBe(200);
      for (const path of ['/api/public/feeds/replies.atom', `/api/public/feeds/indicator/${indicator.id}`]) {
        const res = await s.app.request(path);
        expect(res.status, path).toBe(200);
        const { text } = parseStrictXml(await res.text(), path);
        expect(text, path).toContain('意见 abcde');
        expect(text, path).toContain('答复 abcde');
      }
    });

    it('writes .docx and .xlsx reports and the reporting template whose every part is valid XML', async () => {
      const project = await admin.request('POST', '/api/projects', {
        planId: s.planId,
        code: 'XML-1',
        name: `项目 ${HOSTILE}`,
        description: `说明 ${HOSTILE}`,
        leadDepartment: indicator.departments[0]!.code,
        startYear: 2021,
        endYear: 2025,
        totalInvestment: 10,
        investmentUnit: '亿元',
      });
      expect(project.status).toBe(201);
      const pid = project.body.id as string;
      const investment = await admin.request('POST', `/api/projects/${pid}/investments`, {
        items: [{ year: 2023, planned: 3, completed: 2 }],
      });
      expect(investment.status).toBe(200);
      const progress = await admin.request('POST', `/api/projects/${pid}/progress`, {
        year: 2023,
        quarter: 4,
        percent: 40,
        text: `进展 ${HOSTILE}`,
      });
      expect(progress.status).toBe(201);
      for (const format of ['docx', 'xlsx'] as const) {
        const raw = await s.app.request(`/api/plans/${s.planId}/report.${format}?year=2023&kind=annual`, {
          headers: { cookie: admin.cookie },
        });
        expect(raw.status).toBe(200);
        const parts = await strictOfficeXml(new Uint8Array(await raw.arrayBuffer()));
        const all = [...parts.values()].join('\n');
        expect(all, format).toContain('项目 abcde');
        expect(
          [...all].filter((ch) => ch < ' ' && !'\t\n\r'.includes(ch)),
          format,
        ).toEqual([]);
      }
      const template = await s.app.request(`/api/templates/${indicator.departments[0]!.code}.xlsx`, {
        headers: { cookie: admin.cookie },
      });
      expect(template.status).toBe(200);
      await strictOfficeXml(new Uint8Array(await template.arrayBuffer()));
    });
  },
);
