import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { seedIfEmpty } from '../../src/server/modules/datasets/dataset.service.ts';
import { getJson, testApp } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { readDocx } from './read-docx.ts';

describe.each(testDatabases)('report API on $kind', ({ create }) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const planIds = new Map<string, string>();

  beforeAll(async () => {
    ({ db, dispose } = await create());
    await seedIfEmpty(db);
    app = testApp(db);
    const { body } = await getJson<{ items: { id: string; key: string }[] }>(app, '/api/plans');
    for (const p of body.items) planIds.set(p.key, p.id);
  });
  afterAll(async () => dispose());

  it('writes the 13th plan final report as .docx from its approved results, the snapshot in header and footer', async () => {
    const res = await app.request(`/api/plans/${planIds.get('sip-13th')}/report.docx?year=2020&kind=final`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sip-13th-final-2020.docx"');
    const id = res.headers.get('x-lantu-snapshot') ?? '';
    expect(id).toMatch(/^live-[0-9a-f]{12}$/);
    const doc = await readDocx(new Uint8Array(await res.arrayBuffer()));
    expect(doc.footers.some((f) => f.includes(id) && f.includes('test'))).toBe(true);
    const table = doc.tables.find((t) => t[0]?.[0] === '类别' && t[0][8] === '判断');
    expect(table?.slice(1)).toHaveLength(22);
    expect(table?.slice(1).find((r) => r[1]?.startsWith('文化产业增加值占地区生产总值比重'))?.[8]).toBe('未完成');
  });

  it('gives the same snapshot id for the same figures, in .md and .xlsx too', async () => {
    const url = (f: string) => `/api/plans/${planIds.get('sip-13th')}/report.${f}?year=2020&kind=final`;
    const md = await app.request(url('md'));
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    expect(text).toContain('## 二、主要指标完成情况');
    const xlsx = await app.request(url('xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('x-lantu-snapshot')).toBe(md.headers.get('x-lantu-snapshot'));
    expect(text).toContain(md.headers.get('x-lantu-snapshot') ?? 'missing');
  });

  it('refuses a final report before the last year, a bad kind, and an unknown plan', async () => {
    const id = planIds.get('sip-14th') ?? '';
    const early = await getJson<{ error: { code: string } }>(app, `/api/plans/${id}/report.md?year=2023&kind=final`);
    expect([early.status, early.body.error.code]).toEqual([400, 'bad_request']);
    const bad = await getJson<{ error: { code: string } }>(app, `/api/plans/${id}/report.md?year=2023&kind=weekly`);
    expect([bad.status, bad.body.error.code]).toEqual([422, 'validation_failed']);
    const missing = await getJson<{ error: { code: string } }>(app, '/api/plans/00000000-0000-4000-8000-000000000000/report.md?year=2023');
    expect(missing.status).toBe(404);
  });

  it('documents the three report routes in the OpenAPI document', async () => {
    const { body } = await getJson<{ paths: Record<string, unknown> }>(app, '/api/openapi.json');
    for (const f of ['docx', 'xlsx', 'md']) expect(Object.keys(body.paths)).toContain(`/api/plans/{id}/report.${f}`);
  });
});
