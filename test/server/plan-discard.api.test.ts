import { beforeAll, describe, expect, it } from 'vitest';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { importOutline } from '../support/upload.ts';

const outline = (extra: string[]) =>
  new TextEncoder().encode(
    ['示例区国民经济和社会发展第十四个五年规划纲要', '第一篇 总体要求', '第一章 发展目标', ...extra].join(
      '\n',
    ),
  );
const V1 = outline(['推动高质量发展。']);
const V2 = outline(['推动高质量发展。', '第二章 绿色发展', '推进低碳转型。']);

interface Version {
  id: string;
  version: number;
  status: string;
}

/** Issue 15 §5: a draft version can be discarded (audited); a published version never is. */
describe.each(testDatabases)('discarding a draft plan version on $kind', ({ create }) => {
  const s = appSuite(create);
  let admin: Client;
  let dept: Client;
  let v1: string;
  let v2: string;

  const upload = async (query: string, bytes: Uint8Array) => {
    const res = await importOutline(s.app, admin, query, bytes);
    expect(res.status).toBe(200);
    return (await res.json()) as { planId: string; version: number; saved: boolean };
  };
  const versions = async () =>
    ((await admin.request('GET', `/api/plans/${v1}/versions`)).body.items as Version[]).map(
      (v) => `${v.version} ${v.status}`,
    );

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    await s.db.query(`INSERT INTO departments (code, name) VALUES ('KJJ', '科技局')`);
    dept = await loginAs(s.app, s.db, 'department', ['KJJ']);
    v1 = (await upload('filename=v1.txt&preview=false', V1)).planId;
    const draft = await upload(`filename=v2.txt&preview=false&planId=${v1}`, V2);
    expect(draft).toMatchObject({ saved: true, version: 2 });
    v2 = draft.planId;
  });

  it('refuses the published version: it is never deleted', async () => {
    const res = await admin.request('DELETE', `/api/plans/${v1}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toContain('仅草稿版本可放弃');
    expect(await versions()).toEqual(['2 draft', '1 published']);
  });

  it('is the planning office’s: a department does not see the draft, a request without CSRF is refused', async () => {
    expect((await dept.request('DELETE', `/api/plans/${v2}`)).status).toBe(404);
    expect((await dept.request('DELETE', `/api/plans/${v1}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/plans/${v2}`, undefined, { csrf: null })).status).toBe(403);
    expect(await versions()).toEqual(['2 draft', '1 published']);
  });

  it('refuses a draft another plan follows, until that plan names another predecessor', async () => {
    const next = new TextEncoder().encode(
      [
        '示例区国民经济和社会发展第十五个五年规划纲要',
        '第一篇 总体要求',
        '第一章 发展目标',
        '继续推进。',
      ].join('\n'),
    );
    const successor = await upload(`filename=15.txt&preview=false&predecessor=${v1}`, next);
    // an import resolves a predecessor to the version in use; a plan pointing at a draft is made by hand here
    await s.db.query('UPDATE plans SET predecessor_id = $2 WHERE id = $1', [successor.planId, v2]);
    const res = await admin.request('DELETE', `/api/plans/${v2}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('前序规划');
    await s.db.query('UPDATE plans SET predecessor_id = $2 WHERE id = $1', [successor.planId, v1]);
  });

  it('discards the draft and what was on it, audited, leaving the published version as it was', async () => {
    const tree = async (id: string) => (await admin.request('GET', `/api/plans/${id}/tree`)).body as unknown;
    const publishedBefore = await tree(v1);
    const res = await admin.request('DELETE', `/api/plans/${v2}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ planId: v2, version: 2, discarded: { indicators: 0, projects: 0 } });
    expect(res.body.discarded.nodes).toBeGreaterThanOrEqual(4);
    expect(await versions()).toEqual(['1 published']);
    expect(await tree(v1)).toEqual(publishedBefore);
    expect((await admin.request('GET', `/api/plans/${v2}/tree`)).status).toBe(404);
    expect((await s.db.query('SELECT 1 FROM plan_nodes WHERE plan_id = $1', [v2])).length).toBe(0);
    const audit = (await admin.request('GET', '/api/audit?entity=plan')).body.items as {
      action: string;
      entityId: string;
      actor: string;
      before: { version: number; status: string } | null;
      after: unknown;
    }[];
    const entry = audit.filter((a) => a.action === 'discard' && a.entityId === v2);
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({
      actor: admin.email,
      before: { version: 2, status: 'draft' },
      after: null,
    });
    expect((await admin.request('DELETE', `/api/plans/${v2}`)).status).toBe(404);
  });

  it('the same document can be imported as a new draft again afterwards', async () => {
    const again = await upload(`filename=v2.txt&preview=false&planId=${v1}`, V2);
    expect(again).toMatchObject({ saved: true, version: 2 });
    expect(await versions()).toEqual(['2 draft', '1 published']);
  });
});
