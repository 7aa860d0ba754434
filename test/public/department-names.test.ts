import { describe, expect, it } from 'vitest';
import { departmentNamer, namedStats } from '../../src/server/modules/portal/portal.departments.ts';
import { getJson, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

// issue 17: departments stayed Chinese in English mode although they have an English name
describe.each(testDatabases)("departments' English names on $kind", ({ create }) => {
  const s = appSuite(create, { seed: true });

  it('lists every department with its Chinese and English name to anyone, without ids', async () => {
    const res = await getJson<{
      items: { code: string; name: string; nameEn: string | null; id?: string }[];
    }>(s.app, '/api/public/departments');
    expect(res.status).toBe(200);
    const jfj = res.body.items.find((d) => d.code === 'JFJ');
    expect(jfj).toEqual({ code: 'JFJ', name: '经济发展委员会', nameEn: jfj?.nameEn });
    expect(jfj?.nameEn).toMatch(/^[A-Z][A-Za-z ,&-]+$/);
    expect(res.body.items.every((d) => d.id === undefined)).toBe(true);
  });

  it("names a department in English on the portal's English pages and in Chinese on the Chinese ones", async () => {
    const en = await departmentNamer(s.db, 'en');
    const zh = await departmentNamer(s.db, 'zh');
    const english = en('经济发展委员会');
    expect(english).not.toBe('经济发展委员会');
    expect(english).toMatch(/^[A-Z]/);
    expect(zh('经济发展委员会')).toBe('经济发展委员会');
    expect(en('未登记的部门')).toBe('未登记的部门');
    const stats = [
      { department: '经济发展委员会', routed: 2, replied: 1, replyRate: 0.5, medianReplyHours: 3 },
    ];
    expect(namedStats(stats, en)[0]).toEqual({ ...stats[0], department: english });
  });
});
