import { beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
}

/**
 * GET /api/audit filtered by who, what and when, paged (issue 17, the audit log screen). Dates are days in
 * Asia/Shanghai: 2026-03-01T17:00Z is already 2 March there.
 */
describe.each(testDatabases)('audit log filters on $kind', ({ create }) => {
  const s = appSuite(create, { seed: true });
  let admin: Client;
  let assessor: Client;
  let kjj: Client;

  const entries = [
    {
      at: '2026-03-01T03:00:00Z',
      actor: 'kjj-user@sip.test',
      action: 'create',
      entity: 'task_report',
      id: 'r1',
    },
    {
      at: '2026-03-01T17:00:00Z',
      actor: 'kjj-user@sip.test',
      action: 'create',
      entity: 'evidence',
      id: 'e1',
    },
    {
      at: '2026-03-05T02:00:00Z',
      actor: 'office_1@sip.test',
      action: 'approve',
      entity: 'observation',
      id: 'o1',
    },
    {
      at: '2026-03-09T02:00:00Z',
      actor: 'office_1@sip.test',
      action: 'approve',
      entity: 'observation',
      id: 'o2',
    },
    {
      at: '2026-04-01T02:00:00Z',
      actor: 'officeX1@sip.test',
      action: 'investments',
      entity: 'project',
      id: 'p1',
    },
  ];

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    assessor = await loginAs(s.app, s.db, 'assessor');
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    for (const e of entries) {
      await auditRepository.append(s.db, {
        actorId: null,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.id,
        before: null,
        after: { n: e.id },
      });
      await s.db.query(`UPDATE audit_log SET at = $1 WHERE entity_id = $2`, [e.at, e.id]);
    }
  });

  const ids = async (query: string, who: Client = admin) => {
    const r = await who.request('GET', `/api/audit?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { ids: (r.body.items as Entry[]).map((e) => e.entityId), total: r.body.total as number };
  };

  it('narrows by who (part of the actor, case-insensitive; % and _ are literal)', async () => {
    expect((await ids('actor=KJJ-USER')).ids).toEqual(['e1', 'r1']);
    expect((await ids('actor=office_1')).ids).toEqual(['o2', 'o1']); // not officeX1
    expect((await ids('actor=%25')).ids).toEqual([]);
  });

  it('narrows by exactly one actor (actorExact, the user chosen on the screen): no part, no other case', async () => {
    expect((await ids('actorExact=office_1%40sip.test')).ids).toEqual(['o2', 'o1']);
    expect((await ids('actorExact=kjj-user%40sip.test&entity=evidence')).ids).toEqual(['e1']);
    expect((await ids('actorExact=sip.test')).ids).toEqual([]); // actor=sip.test finds all five
    expect((await ids('actorExact=KJJ-USER%40sip.test')).ids).toEqual([]);
  });

  it('narrows by what (action, entity) and when (days in Asia/Shanghai, inclusive)', async () => {
    expect((await ids('actor=sip.test&action=approve')).ids).toEqual(['o2', 'o1']);
    expect((await ids('actor=sip.test&entity=project')).ids).toEqual(['p1']);
    expect((await ids('actor=sip.test&from=2026-03-02&to=2026-03-05')).ids).toEqual(['o1', 'e1']);
    expect((await ids('actor=sip.test&to=2026-03-01')).ids).toEqual(['r1']);
    expect((await ids('actor=sip.test&from=2026-03-09')).ids).toEqual(['p1', 'o2']);
  });

  it('pages newest first with the total of all pages', async () => {
    const first = await ids('actor=sip.test&limit=2');
    expect(first).toEqual({ ids: ['p1', 'o2'], total: 5 });
    expect(await ids('actor=sip.test&limit=2&offset=2')).toEqual({ ids: ['o1', 'e1'], total: 5 });
    expect(await ids('actor=sip.test&limit=2&offset=4')).toEqual({ ids: ['r1'], total: 5 });
  });

  it('refuses a reversed range and a date that is not one (422), and others than admins and assessors', async () => {
    const reversed = await admin.request('GET', '/api/audit?from=2026-03-05&to=2026-03-01');
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.code).toBe('validation_failed');
    expect((await admin.request('GET', '/api/audit?from=2026-02-30')).status).toBe(422);
    expect((await admin.request('GET', '/api/audit?offset=-1')).status).toBe(422);
    expect((await kjj.request('GET', '/api/audit?actor=kjj')).status).toBe(403);
    expect((await s.app.request('/api/audit/facets')).status).toBe(401);
    expect((await kjj.request('GET', '/api/audit/facets')).status).toBe(403);
    expect((await ids('actor=sip.test&action=approve', assessor)).ids).toEqual(['o2', 'o1']);
  });

  it('lists the actions, entities and actors to filter by', async () => {
    const f = await assessor.request('GET', '/api/audit/facets');
    expect(f.status).toBe(200);
    expect(f.body.actions).toEqual(expect.arrayContaining(['approve', 'create', 'investments']));
    expect(f.body.entities).toEqual(
      expect.arrayContaining(['evidence', 'observation', 'project', 'task_report']),
    );
    expect(f.body.actors).toEqual(expect.arrayContaining(['kjj-user@sip.test', 'office_1@sip.test']));
  });
});
