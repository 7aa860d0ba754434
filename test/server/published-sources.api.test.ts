/**
 * issue 15, "Done when" 1: a fresh install judges the SIP 14th plan at 2025 on the published figures of
 * data/sip-14th/published-values.csv, and every such value shows its source on the indicator page (the
 * workspace's value list), the portal's indicator page and the open data (JSON and CSV).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Row {
  code: string;
  year: number;
  value: number;
  title: string;
  url: string;
}

/** The Table-2 rows of the published figures, the newest revision of each year (a plain CSV: no quoted commas). */
function publishedRows(): Row[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../data/sip-14th/published-values.csv'), 'utf8');
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)] ?? '';
  return lines
    .map((l) => l.split(','))
    .filter((c) => at(c, 'indicator_code').startsWith('T2-'))
    .map((c) => ({
      code: at(c, 'indicator_code'),
      year: Number(at(c, 'year')),
      value: Number(at(c, 'value')),
      title: at(c, 'source_title'),
      url: at(c, 'source_url'),
    }));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(testDatabases)(
  'published figures and their sources on a fresh install ($kind)',
  ({ create }) => {
    const s = seededSuite(create);
    let dept: Client;
    let ids = new Map<string, string>();
    const rows = publishedRows();

    beforeAll(async () => {
      const inds = await getJson<{ items: { id: string; code: string }[] }>(
        s.app,
        `/api/plans/${s.planId}/indicators`,
      );
      ids = new Map(inds.body.items.map((i) => [i.code, i.id]));
      dept = await loginAs(s.app, s.db, 'department', ['JFJ']);
    });

    it('judges at 2025 every indicator with a published figure of the plan years, except one whose target is assigned by the city', async () => {
      const ev = await getJson<{
        indicators: { code: string; verdict: string; dataYear: number | null; explanation: { zh: string } }[];
      }>(s.app, `/api/plans/${s.planId}/evaluation?year=2025&method=time`);
      const judged = ev.body.indicators
        .filter((i) => i.code.startsWith('T2-') && i.verdict !== 'no_data' && i.verdict !== 'not_assessable')
        .map((i) => i.code)
        .sort();
      const withFigures = [...new Set(rows.filter((r) => r.year >= 2021).map((r) => r.code))].sort();
      // T2-30 (空气质量优良天数比率): 完成市下达任务, and the value the city assigned is not published
      expect(judged).toEqual(withFigures.filter((c) => c !== 'T2-30'));
      expect(judged.length).toBe(7);
      const air = ev.body.indicators.find((i) => i.code === 'T2-30')!;
      expect(air.verdict).toBe('no_data');
      expect(air.explanation.zh).toContain('缺少该年下达的目标值');
    });

    it('each published value shows its source on the indicator page, the portal page and the open data', async () => {
      for (const r of rows) {
        const id = ids.get(r.code)!;
        const where = `${r.code} ${r.year}`;
        // the workspace's indicator page lists the values with their provenance
        const list = await dept.request('GET', `/api/indicators/${id}/observations`);
        const seen = (
          list.body.items as {
            period: string;
            value: number;
            provenance: { kind: string; title: string; url: string };
          }[]
        ).filter((o) => o.period === String(r.year) && o.value === r.value);
        expect(seen.length, where).toBeGreaterThan(0);
        expect(seen[0]!.provenance, where).toMatchObject({ kind: 'published', title: r.title, url: r.url });
        // open data: JSON and CSV
        const json = await getJson<{
          values: { year: number; value: number; source: { kind: string; title: string; url: string } }[];
        }>(s.app, `/api/public/indicators/${id}/values`);
        const v = json.body.values.find((x) => x.year === r.year && x.value === r.value);
        expect(v?.source, where).toMatchObject({ kind: 'published', title: r.title, url: r.url });
        const csv = await (await s.app.request(`/api/public/indicators/${id}/values.csv`)).text();
        expect(csv, where).toContain(r.url);
        // the portal's indicator page links the source
        const html = await (await s.app.request(`/public/indicators/${id}`)).text();
        expect(html, where).toContain(`href="${escapeHtml(r.url)}"`);
      }
      const all = await (await s.app.request(`/api/public/indicators.csv`)).text();
      expect(all).toContain('公开统计数据');
    });
  },
);
