/**
 * The .docx report as an official document (GB/T 9704) and as prose a reader does not stumble over: fonts and
 * sizes read back from styles.xml and document.xml, margins and the "— N —" page number, and no sentence
 * said twice within a section (annual, mid-term and final; Chinese and English; full and sparse data).
 * On the TEST DATA of test/support/report-fixtures.ts (not statistics).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/dataset.ts';
import { renderReport } from '../../src/reports/render.ts';
import type { ReportKind, ReportLang } from '../../src/reports/types.ts';
import { loadSipDataset, reportTestInput } from '../support/report-fixtures.ts';

let dataset: Dataset;
beforeAll(() => {
  dataset = loadSipDataset();
});

const rendered = new Map<string, Promise<JSZip>>();
function docx(kind: ReportKind, lang: ReportLang, sparse = false): Promise<JSZip> {
  const key = `${kind}.${lang}.${String(sparse)}`;
  let r = rendered.get(key);
  if (r === undefined) {
    r = render(kind, lang, sparse);
    rendered.set(key, r);
  }
  return r;
}

async function render(kind: ReportKind, lang: ReportLang, sparse: boolean): Promise<JSZip> {
  const input = reportTestInput(dataset, kind, { lang, sparse });
  return JSZip.loadAsync((await renderReport(input, 'docx')).bytes);
}

const text = async (zip: JSZip, name: string): Promise<string> => {
  const s = await zip.file(name)?.async('string');
  if (s === undefined) throw new Error(`no ${name}`);
  return s;
};

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles);
  if (m === null) throw new Error(`no style ${id}`);
  return m[1] ?? '';
}

const eastAsia = (xml: string): string | null => /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(xml)?.[1] ?? null;
const size = (xml: string): number | null => {
  const v = /<w:sz w:val="(\d+)"/.exec(xml)?.[1];
  return v === undefined ? null : Number(v);
};

/** Body paragraphs (tables and the table of contents left out) grouped by their Heading 1. */
function sections(document: string): Map<string, string[]> {
  const body = document.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '').replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const out = new Map<string, string[]>();
  let current = '(title page)';
  for (const p of body.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []) {
    const t = decode(
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''),
    ).trim();
    if (t === '') continue;
    if (p.includes('<w:pStyle w:val="Heading1"/>')) {
      current = t;
      out.set(current, []);
      continue;
    }
    const list = out.get(current) ?? [];
    list.push(t);
    out.set(current, list);
  }
  return out;
}

function sentences(paragraph: string, lang: ReportLang): string[] {
  // English: not after a number ("Table 1. Verdicts…" is a caption, not two sentences).
  const parts = lang === 'zh' ? paragraph.split(/(?<=[。！？])/) : paragraph.split(/(?<=[^\d\s][.!?])\s+/);
  return parts.map((s) => s.trim()).filter((s) => s.length > 1);
}

function repeated(document: string, lang: ReportLang): string[] {
  const dupes: string[] = [];
  for (const [heading, paras] of sections(document)) {
    const seen = new Set<string>();
    for (const p of paras)
      for (const s of sentences(p, lang)) {
        if (seen.has(s)) dupes.push(`${heading}: ${s}`);
        seen.add(s);
      }
  }
  return dupes;
}

describe.each(['annual', 'midterm', 'final'] as const)('%s report (.docx)', (kind) => {
  it('body in 仿宋 三号 on a fixed 28 pt line, headings 黑体 / 楷体 三号, GB/T 9704 margins, page numbers — N —', async () => {
    const zip = await docx(kind, 'zh');
    const styles = await text(zip, 'word/styles.xml');
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
    expect(eastAsia(defaults)).toBe('仿宋');
    expect(size(defaults)).toBe(32);
    const h1 = styleXml(styles, 'Heading1');
    const h2 = styleXml(styles, 'Heading2');
    expect(eastAsia(h1)).toBe('黑体');
    expect(eastAsia(h2)).toBe('楷体');
    expect(size(h1)).toBe(32);
    expect(size(h2)).toBe(32);
    expect(h1).toContain('<w:b w:val="false"/>');

    const document = await text(zip, 'word/document.xml');
    // A4 with 37 / 35 / 28 / 26 mm margins.
    const margins = [...document.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    expect(margins.length).toBeGreaterThanOrEqual(2);
    for (const m of margins) {
      expect(m).toContain('w:top="2098"');
      expect(m).toContain('w:bottom="1984"');
      expect(m).toContain('w:left="1587"');
      expect(m).toContain('w:right="1474"');
    }
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // Body paragraphs: 仿宋 (the default, or named), on an exact 560-twip line; 黑体 only for captions and table headers.
    const body = document.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');
    const fonts = new Set([...body.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['仿宋', '黑体']);
    const plain = (body.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? []).filter(
      (p) => p.includes('<w:ind w:firstLine="640"/>') && !p.includes('<w:pStyle'),
    );
    expect(plain.length).toBeGreaterThan(10);
    for (const p of plain) expect(p).toContain('w:line="560" w:lineRule="exact"');

    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d*\.xml$/.test(n))
        .map((n) => text(zip, n)),
    );
    const numbered = footers.find((f) => f.includes('PAGE'));
    expect(numbered).toBeDefined();
    expect(decode(numbered ?? '')).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
    expect(eastAsia(numbered ?? '')).toBe('宋体');
    expect(size(numbered ?? '')).toBe(28);
  });

  it.each(['zh', 'en'] as const)('no sentence repeats within a section (%s)', async (lang) => {
    const document = await text(await docx(kind, lang), 'word/document.xml');
    expect(sections(document).size).toBeGreaterThanOrEqual(7);
    expect(repeated(document, lang)).toEqual([]);
  });
});

describe('a report on sparse data (published values only, no task or project reports)', () => {
  it('names the indicators without data together in one line per section, with no sentence repeated', async () => {
    const document = await text(await docx('midterm', 'zh', true), 'word/document.xml');
    expect(repeated(document, 'zh')).toEqual([]);
    const s = sections(document);
    const indicators = s.get('二、主要指标完成情况') ?? [];
    const missing = indicators.filter((p) => p.includes('判定为“数据暂缺”'));
    expect(missing).toHaveLength(1);
    const count = Number(/（(\d+)项）：/.exec(missing[0] ?? '')?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(missing[0]).toContain('法治建设满意度');
    const problems = (s.get('五、存在的主要问题') ?? []).filter((p) => p.includes('判定为“数据暂缺”'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`（${count}项）`);
  });

  it('prints the snapshot time in Beijing time and the target with its unit', async () => {
    const document = await text(await docx('midterm', 'zh'), 'word/document.xml');
    const appendix = sections(document).get('附录\u3000评估方法与数据说明') ?? [];
    // REPORT_TEST_NOW is 08:00 UTC: 16:00 in Asia/Shanghai.
    expect(appendix.some((p) => p.includes('生成于 2024-03-01 16:00（北京时间）'))).toBe(true);
    expect(appendix.join('')).not.toContain('T08:00:00');
    const suggestions = (sections(document).get('六、下一步工作建议') ?? []).join('\n');
    expect(suggestions).toContain('方能实现“6.5%”的目标');
    expect(suggestions).not.toMatch(/需，/);
  });
});
