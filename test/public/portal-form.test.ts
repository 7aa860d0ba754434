import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { parseTrustedProxies } from '../../src/server/auth/client-identity.ts';
import { createApp } from '../../src/server/app.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { appSuite } from '../support/app.ts';

/** Issue 12: break 10 (the page cache and query parameters) and break 13 (form token, node pages, feed links). */
describe.each(testDatabases)('portal comment form, page cache and feed links on $kind', ({ create }) => {
  let admin: Client;
  let secret: string;
  let indicator: { id: string; lead: string };
  let node: { id: string; title: string; lead: string };
  /** SQL sent to the database, to see whether a request built its page or took it from the cache. */
  const sql: string[] = [];
  const ORIGIN = 'https://lantu.sip.example';
  const s = appSuite(create, {
    seed: true,
    app: (db) => {
      const counted: Db = {
        ...db,
        query: (text, params) => {
          sql.push(text);
          return db.query(text, params);
        },
      };
      return createApp({
        db: counted,
        logger: pino({ level: 'silent' }),
        version: 'test',
        edge: { trustedProxies: parseTrustedProxies(''), publicUrl: new URL(`${ORIGIN}/`) },
      });
    },
  });

  const token = () => issueChallenge(secret, new Date(Date.now() - 60_000));
  const form = (fields: Record<string, string>) =>
    s.app.request('/public/feedback', {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const pending = async (targetId: string) =>
    (
      await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback WHERE target_id = $1', [
        targetId,
      ])
    )[0]!.n;

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    secret = await installationSecret(s.db);
    const [ind] = await s.db.query<{ id: string; lead: string }>(
      `SELECT i.id, d.code AS lead FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.key = 'sip-14th'
         JOIN assignments a ON a.indicator_id = i.id AND a.role = 'lead' JOIN departments d ON d.id = a.department_id
        WHERE i.code = 'T2-22' ORDER BY p.version DESC LIMIT 1`,
    );
    indicator = ind!;
    const [chapter] = await s.db.query<{ id: string; title: string }>(
      `SELECT n.id, n.title FROM plan_nodes n JOIN plans p ON p.id = n.plan_id AND p.key = 'sip-14th'
        WHERE n.kind = 'chapter' ORDER BY p.version DESC, n.position LIMIT 1`,
    );
    node = { ...chapter!, lead: indicator.lead };
  });

  it('unknown or one-off query parameters are served from the page cache (break 10)', async () => {
    const path = `/public/indicators/${indicator.id}`;
    expect((await s.app.request(path)).status).toBe(200); // builds and caches the page
    for (const query of ['?sent=1', '?error=rate_limited', '?utm_source=x&sent=1&n=' + Math.random(), '']) {
      sql.length = 0;
      const res = await s.app.request(path + query);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('name="challenge"');
      if (query.includes('sent=1')) expect(html).toContain('已收到您的意见');
      if (query.includes('error=rate_limited')) expect(html).toContain('提交过于频繁');
      // a built page reads the indicator's values and the comments; a cached one neither
      expect(
        sql.filter((q) => /\bobservations\b|\bfeedback\b/.test(q)),
        query,
      ).toEqual([]);
    }
  });

  it('a form token is good for one comment; a second use is refused and the text is kept (break 13)', async () => {
    const fields = {
      targetType: 'indicator',
      targetId: indicator.id,
      body: '建议公开分季度数据 <b>谢谢</b>',
      name: '张 "三"',
      contact: 'z3@example.org',
      challenge: token(),
    };
    const first = await form(fields);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/public/indicators/${indicator.id}?sent=1#comments`);
    const again = await form(fields);
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('此表单已提交过一次');
    expect(html).toContain('>建议公开分季度数据 &lt;b&gt;谢谢&lt;/b&gt;</textarea>');
    expect(html).toContain('value="张 &quot;三&quot;"');
    expect(html).toContain('value="z3@example.org"');
    const fresh = /name="challenge" value="([^"]+)"/.exec(html)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(fields.challenge);
    expect(await pending(indicator.id)).toBe(1);

    // the JSON API shares the rule
    const body = { targetType: 'indicator', targetId: indicator.id, body: '再一条', challenge: token() };
    const post = () =>
      s.app.request('/api/public/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post()).status).toBe(202);
    const replay = await post();
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect(await pending(indicator.id)).toBe(2);
  });

  it('a comment on a plan node comes back to the node’s public page (break 13)', async () => {
    const sent = await form({
      targetType: 'node',
      targetId: node.id,
      body: '本章目标很清楚',
      challenge: token(),
    });
    expect(sent.status).toBe(303);
    const location = sent.headers.get('location')!;
    expect(location).toBe(`/public/nodes/${node.id}?sent=1#comments`);
    const page = await s.app.request(location.replace(/#.*/, ''));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(node.title);
    expect(html).toContain('已收到您的意见');
    expect(html).toContain(`name="targetId" value="${node.id}"`);
    expect(html.match(/href="\/public\/nodes\/[0-9a-f-]{36}"/g)?.length).toBeGreaterThan(0); // its sections
    expect((await s.app.request('/public/nodes/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('every Atom entry link is absolute and opens the item’s public page showing that comment (break 13)', async () => {
    const dept = await loginAs(s.app, s.db, 'department', [indicator.lead]);
    const queue = (await admin.request('GET', '/api/feedback?status=pending')).body.items as {
      id: string;
      targetType: string;
    }[];
    for (const f of queue) {
      const published = await admin.request('POST', `/api/feedback/${f.id}/publish`, {
        departmentCode: indicator.lead,
      });
      expect(published.status).toBe(200);
      expect(
        (await dept.request('POST', `/api/feedback/${f.id}/reply`, { body: '已收悉，感谢。' })).status,
      ).toBe(200);
    }
    const feeds = [
      '/api/public/feeds/replies.atom',
      `/api/public/feeds/indicator/${indicator.id}`,
      `/api/public/feeds/node/${node.id}`,
    ];
    let followed = 0;
    for (const feed of feeds) {
      const xml = await (await s.app.request(feed)).text();
      const links = [...xml.matchAll(/<link href="([^"]+)"\/>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      expect(links.length, feed).toBeGreaterThan(1);
      for (const link of links) {
        expect(link.startsWith(`${ORIGIN}/public`), link).toBe(true);
        const url = new URL(link);
        const res = await s.app.request(url.pathname + url.search);
        expect(res.status, link).toBe(200);
        if (url.hash) expect(await res.text(), link).toContain(`id="${url.hash.slice(1)}"`);
        followed++;
      }
    }
    expect(followed).toBeGreaterThanOrEqual(queue.length + 3);
  });
});
