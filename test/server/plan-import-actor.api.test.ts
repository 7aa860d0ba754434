import { beforeAll, describe, expect, it } from 'vitest';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { importOutline } from '../support/upload.ts';

/** A small outline written for the test: one part, one chapter with a task. */
const OUTLINE = new TextEncoder().encode(
  [
    '示例区国民经济和社会发展第十四个五年规划纲要',
    '第一篇 总体要求',
    '第一章 发展目标',
    '推动高质量发展。',
  ].join('\n'),
);

describe.each(testDatabases)('plan import over HTTP on $kind', ({ create }) => {
  const s = appSuite(create);
  let admin: Client;

  const upload = (query: string, body: Uint8Array = OUTLINE) =>
    importOutline(s.app, admin, `filename=outline.txt&${query}`, body);

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
  });

  it('records the signed-in user as the importer in the audit log, not cli:import', async () => {
    const res = await upload('preview=false');
    expect(res.status).toBe(200);
    const { planId } = (await res.json()) as { planId: string };
    const [entry] = await s.db.query<{ actor: string; actorId: string | null }>(
      `SELECT actor, actor_id AS "actorId" FROM audit_log WHERE entity = 'plan' AND entity_id = $1`,
      [planId],
    );
    const [me] = await s.db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [admin.email]);
    expect(entry).toEqual({ actor: admin.email, actorId: me!.id });
  });

  it('compares the document with the current plan once when it saves a new version', async () => {
    const first = (await (await upload('preview=false')).json()) as { planId: string };
    const seen: string[] = [];
    const query = s.db.query.bind(s.db);
    s.db.query = (text: string, params?: readonly unknown[]) => {
      seen.push(text);
      return query(text, params);
    };
    try {
      // a changed outline (the same one again is a no-op since issue 15 §5, and saves nothing)
      const changed = new TextEncoder().encode(
        [new TextDecoder().decode(OUTLINE), '第二章 保障措施', '加强组织领导。'].join('\n'),
      );
      const res = await upload(`preview=false&planId=${first.planId}`, changed);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { saved: boolean }).saved).toBe(true);
    } finally {
      s.db.query = query;
    }
    // describeImport reads the current plan's nodes and indicators; saving must reuse what it found
    expect(seen.filter((q) => /FROM plan_nodes WHERE plan_id/.test(q))).toHaveLength(1);
  });
});
