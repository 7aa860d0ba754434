/**
 * PDF reports: GET /api/plans/{id}/report.pdf and `lantu report --out x.pdf`, laid out by LibreOffice from the
 * .docx. Read back with poppler (pdftotext, pdffonts, pdftoppm): Chinese text, a CJK font, a first page that is
 * not blank. Without LibreOffice both answer a typed error naming what to install; a converter that hangs is
 * stopped at the timeout while the server keeps answering. (PDF on PGlite only: the route is the same code on
 * PostgreSQL, and each conversion takes seconds.)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/reports/pdf.ts';
import { getJson, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { inkOnFirstPage, pdfText } from '../support/poppler.ts';
import { runReportCli, TABLE1_FINAL_REPORT } from '../support/report-fixtures.ts';

const HAVE_SOFFICE = findSoffice() !== null;
const SKIP = HAVE_SOFFICE
  ? ''
  : ' (skipped: LibreOffice not installed — apt-get install -y libreoffice-writer-nogui poppler-utils)';

const dir = mkdtempSync(join(tmpdir(), 'lantu-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withEnv<T>(env: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return f().finally(() => {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
  });
}

const pglite = testDatabases[0];

describe('PDF report API (PGlite)', () => {
  const s = appSuite(
    () => {
      if (pglite === undefined) throw new Error('no PGlite');
      return pglite.create();
    },
    { seed: true },
  );
  let planId = '';

  beforeAll(async () => {
    const { body } = await getJson<{ items: { id: string; key: string }[] }>(s.app, '/api/plans');
    planId = body.items.find((p) => p.key === 'sip-13th')?.id ?? '';
  });

  it.skipIf(!HAVE_SOFFICE)(
    `serves the final report as a PDF: Chinese text, a CJK font, a first page with ink${SKIP}`,
    async () => {
      const res = await s.app.request(`/api/plans/${planId}/report.pdf?year=2020&kind=final`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="sip-13th-final-2020.pdf"');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = join(dir, 'api.pdf');
      writeFileSync(file, bytes);
      expect(pdfText(file, 1, 1).replace(/\s+/g, '')).toContain('园区“十三五”规划纲要实施情况总结评估报告');
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text).toContain('二、主要指标完成情况');
      expect(text).toContain(res.headers.get('x-lantu-snapshot') ?? 'missing');
      expect(text).toMatch(/—\d+—/); // page numbers of official documents
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/CJK/);
      const ink = inkOnFirstPage(file);
      expect(ink).toBeGreaterThan(0.002);
      expect(ink).toBeLessThan(0.5);
    },
    300_000,
  );

  it('answers 503 naming the package to install when LibreOffice is absent', async () => {
    await withEnv({ LANTU_SOFFICE: join(dir, 'no-such-soffice') }, async () => {
      const r = await getJson<{ error: { code: string; message: string } }>(
        s.app,
        `/api/plans/${planId}/report.pdf?year=2020&kind=final`,
      );
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('service_unavailable');
      expect(r.body.error.message).toContain('apt-get install -y libreoffice-writer-nogui');
      expect(r.body.error.message).toContain('LibreOffice');
    });
  });

  it('stops a converter that hangs at the timeout, and the server answers meanwhile', async () => {
    const hang = join(dir, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\nsleep 60\n');
    chmodSync(hang, 0o755);
    await withEnv({ LANTU_SOFFICE: hang, LANTU_PDF_TIMEOUT_SECONDS: '2' }, async () => {
      const started = Date.now();
      const pending = getJson<{ error: { code: string; message: string } }>(
        s.app,
        `/api/plans/${planId}/report.pdf?year=2020&kind=final`,
      );
      // While the converter runs, the event loop is free: a health check answers.
      await new Promise((r) => setTimeout(r, 500));
      const health = await s.app.request('/api/health');
      expect(health.status).toBe(200);
      const r = await pending;
      expect(r.status).toBe(503);
      expect(r.body.error.message).toMatch(/longer than 2 s/);
      expect(Date.now() - started).toBeLessThan(55_000);
    });
  }, 120_000);

  it('documents report.pdf in the OpenAPI document with its 503', async () => {
    const { body } = await getJson<{
      paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
    }>(s.app, '/api/openapi.json');
    for (const p of ['/api/plans/{id}/report.pdf', '/api/evaluations/{id}/report.pdf'])
      expect(Object.keys(body.paths[p]?.get?.responses ?? {})).toContain('503');
  });
});

describe('lantu report --out x.pdf', () => {
  it.skipIf(!HAVE_SOFFICE)(
    `writes the 13th plan final report as a PDF${SKIP}`,
    async () => {
      const out = join(dir, 'cli.pdf');
      const r = await runReportCli({ ...TABLE1_FINAL_REPORT, out });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/cli\.pdf {2}\d+ kB {2}园区“十三五”规划纲要实施情况总结评估报告/);
      expect(pdfText(out).replace(/\s+/g, '')).toContain('22项主要指标中');
    },
    300_000,
  );

  it('exits 7 with one line saying what to install when LibreOffice is absent', async () => {
    const out = join(dir, 'absent.pdf');
    const r = await runReportCli(
      { ...TABLE1_FINAL_REPORT, out },
      { LANTU_SOFFICE: join(dir, 'no-such-soffice') },
    );
    expect(r.code).toBe(7);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('apt-get install -y libreoffice-writer-nogui');
    expect(r.stdout).toBe('');
  }, 120_000);
});
