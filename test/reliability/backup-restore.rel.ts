import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import {
  backupToFile,
  restoreFromFile,
  tableContents,
} from '../../src/server/modules/backup/backup.service.ts';
import { testApp, dbSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { populate, type Populated } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'lantu-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a user sees: plans, values, comments, audit log, the evidence file's bytes. */
async function visible(db: Db, p: Populated) {
  const app = testApp(db);
  const auth = { cookie: p.admin.cookie };
  const get = async (path: string) => {
    const r = await app.request(path, { headers: auth });
    return { status: r.status, body: await r.text() };
  };
  const ev = await app.request(`/api/evidence/${p.evidenceId}`, { headers: { cookie: p.own.cookie } });
  return {
    plans: await get('/api/plans'),
    values: await get(`/api/indicators/${p.indicatorId}/observations`),
    comments: await get(`/api/public/feedback?targetType=indicator&targetId=${p.indicatorId}`),
    audit: await get('/api/audit?limit=500'),
    evidence: { status: ev.status, bytes: Buffer.from(await ev.arrayBuffer()).toString('hex') },
  };
}

describe.each(testDatabases)('backup from $kind', (source) => {
  const from = dbSuite(source.create);
  let populated: Populated;
  let file: string;

  beforeAll(async () => {
    populated = await populate(from.db);
    file = join(dir, `${source.kind}.jsonl.gz`);
  });

  it('writes a gzip of JSON lines with the migration version and every table', async () => {
    const summary = await backupToFile(from.db, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0]!) as { format: string; migration: number; tables: string[] };
    expect(header.format).toBe('lantu-backup');
    expect(header.migration).toBeGreaterThanOrEqual(5);
    expect(header.tables).toContain('evidence_files');
    expect(header.tables.indexOf('plans')).toBeLessThan(header.tables.indexOf('plan_nodes'));
    expect(header.tables.indexOf('plan_nodes')).toBeLessThan(header.tables.indexOf('indicators'));
    expect(summary.tables.observations).toBeGreaterThan(0);
    expect(summary.tables.evidence_files).toBe(1);
    expect(summary.tables.audit_log).toBeGreaterThan(5);
    expect(lines.length).toBe(
      1 + header.tables.length + Object.values(summary.tables).reduce((a, b) => a + b, 0),
    );
  });

  describe.each(testDatabases)('restored into $kind', (target) => {
    const into = dbSuite(target.create);

    it('holds identical rows in every table and shows the same plans, values, comments, audit log and evidence', async () => {
      await restoreFromFile(into.db, file);
      const [a, b] = [await tableContents(from.db), await tableContents(into.db)];
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
      const [va, vb] = [await visible(from.db, populated), await visible(into.db, populated)];
      expect(va.evidence.status).toBe(200);
      expect(va.evidence.bytes).toBe(Buffer.from(populated.evidenceBytes).toString('hex'));
      expect(vb).toEqual(va);
    });

    it('keeps writing after a restore: audit ids continue past the restored ones', async () => {
      const r = await populated.admin.request('GET', '/api/auth/me');
      expect(r.status).toBe(200);
      const app = testApp(into.db);
      const res = await app.request('/api/departments', {
        method: 'POST',
        headers: {
          cookie: populated.admin.cookie,
          'x-csrf-token': populated.admin.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ code: 'NEWDEPT', name: '新部门' }),
      });
      expect(res.status).toBe(201);
    });

    it('refuses a database that is not empty, and changes nothing', async () => {
      const before = await tableContents(into.db);
      await expect(restoreFromFile(into.db, file)).rejects.toMatchObject({ code: 'conflict' });
      expect(await tableContents(into.db)).toEqual(before);
    });
  });

  it('restores all or nothing: a truncated backup leaves the target empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const cut = join(dir, `${source.kind}-cut.jsonl.gz`);
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n')));
    const { db, dispose } = await source.create();
    try {
      await expect(restoreFromFile(db, cut)).rejects.toMatchObject({ code: 'unsupported_input' });
      const contents = await tableContents(db);
      for (const [t, rows] of Object.entries(contents)) if (t !== 'settings') expect(rows, t).toEqual([]);
      expect(contents.settings).toHaveLength(1); // only the migration's default
      // and the same file restores once complete
      await restoreFromFile(db, file);
      expect((await tableContents(db)).plans).toEqual((await tableContents(from.db)).plans);
    } finally {
      await dispose();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bad = join(dir, 'bad.gz');
    writeFileSync(bad, 'not gzip at all');
    const { db, dispose } = await source.create();
    try {
      await expect(restoreFromFile(db, bad)).rejects.toMatchObject({ code: 'unsupported_input' });
    } finally {
      await dispose();
    }
  });
});
