/** Reads back what the report tests assert on, straight from the .docx XML (JSZip + regular expressions). */
import JSZip from 'jszip';

export interface DocxParagraph {
  style: string | null;
  text: string;
}

export interface DocxContent {
  paragraphs: DocxParagraph[];
  /** Heading 1 / Heading 2 paragraphs in order (the table of contents' own entries excluded). */
  headings: { level: 1 | 2; text: string }[];
  /** Tables as rows of cell texts. */
  tables: string[][][];
  /** Image parts (word/media/*) and the images placed in the body. */
  media: string[];
  blips: number;
  footers: string[];
  coreXml: string;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
  }));
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file('word/document.xml')?.async('string');
  if (doc === undefined) throw new Error('no word/document.xml');
  const body = doc.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ''); // the table of contents
  const paras = paragraphs(body);
  const headings = paras
    .filter((p) => p.style === 'Heading1' || p.style === 'Heading2')
    .map((p) => ({ level: p.style === 'Heading1' ? (1 as const) : (2 as const), text: p.text }));
  const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  const footers: string[] = [];
  for (const f of Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)))
    footers.push(textOf((await zip.file(f)?.async('string')) ?? ''));
  return {
    paragraphs: paras,
    headings,
    tables,
    media,
    blips: (body.match(/<a:blip /g) ?? []).length,
    footers,
    coreXml: (await zip.file('docProps/core.xml')?.async('string')) ?? '',
  };
}
