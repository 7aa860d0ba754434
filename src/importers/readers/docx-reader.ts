import { LantuError } from '../../domain/errors.ts';
import type { Block, ReadResult } from '../blocks.ts';
import { para } from '../blocks.ts';
import { ZipArchive } from './zip.ts';

const TOKEN_RE =
  /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;
const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

function attrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(ATTR_RE)) {
    const name = (m[1] ?? '').replace(/^[\w.-]+:/, '');
    out.set(name, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

interface XmlEvent {
  kind: 'open' | 'close' | 'empty' | 'text';
  name: string;
  attrs: string;
  text: string;
}

function* events(xml: string): Generator<XmlEvent> {
  TOKEN_RE.lastIndex = 0;
  for (const m of xml.matchAll(TOKEN_RE)) {
    if (m[7] !== undefined) {
      yield { kind: 'text', name: '', attrs: '', text: decodeEntities(m[7]) };
    } else if (m[6] !== undefined) {
      yield { kind: 'text', name: '', attrs: '', text: m[6] };
    } else if (m[3] !== undefined) {
      const name = m[3];
      if (m[1] === '/') yield { kind: 'close', name, attrs: '', text: '' };
      else yield { kind: m[5] === '/' ? 'empty' : 'open', name, attrs: m[4] ?? '', text: '' };
    }
  }
}

interface StyleInfo {
  level: number | null;
  isTitle: boolean;
}

/** Heading levels by style id: "Heading 1" / "标题 1" / an outline level, and which style is the Title. */
export function readStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const a = attrs(m[1] ?? '');
    const id = a.get('styleId');
    if (!id) continue;
    const body = m[2] ?? '';
    const name = decodeEntities(/<w:name\s+w:val="([^"]*)"/.exec(body)?.[1] ?? '');
    const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(body)?.[1];
    styles.set(id, styleInfoOf(id, name, outline === undefined ? null : Number(outline) + 1));
  }
  return styles;
}

function styleInfoOf(id: string, name: string, outlineLevel: number | null): StyleInfo {
  for (const s of [name, id]) {
    const h = /^(?:heading|标题)\s*([1-9])$/i.exec(s.trim());
    if (h) return { level: Number(h[1]), isTitle: false };
  }
  if (/^(?:title|标题)$/i.test(name.trim()) || /^title$/i.test(id)) return { level: null, isTitle: true };
  return { level: outlineLevel !== null && outlineLevel <= 3 ? outlineLevel : null, isTitle: false };
}

interface ParaState {
  text: string;
  styleId: string | null;
  outline: number | null;
  refs: number[];
}

/** Reads the paragraphs of word/footnotes.xml, by footnote id. */
function readFootnoteBodies(xml: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    const a = attrs(m[1] ?? '');
    const type = a.get('type');
    const id = a.get('id');
    if (!id || (type && type !== 'normal')) continue;
    let text = '';
    let inT = false;
    for (const e of events(m[2] ?? '')) {
      if ((e.kind === 'open' || e.kind === 'empty') && e.name === 't') inT = e.kind === 'open';
      else if (e.kind === 'close' && e.name === 't') inT = false;
      else if (e.kind === 'text' && inT) text += e.text;
    }
    out.set(id, text.trim());
  }
  return out;
}

export interface DocxOptions {
  maxInflatedBytes: number;
}

/**
 * Reads a .docx (Word or WPS): paragraphs with their heading level from the paragraph style,
 * tables as cell text, footnotes from the footnotes part (numbered in order of reference).
 */
export function readDocx(bytes: Uint8Array, opts: DocxOptions): ReadResult {
  const zip = new ZipArchive(bytes, opts.maxInflatedBytes);
  if (zip.has('EncryptedPackage') || zip.has('EncryptionInfo')) {
    throw new LantuError(
      'unsupported_input',
      { zh: '.docx 已加密：请先去掉密码', en: 'the .docx is encrypted: remove the password first' },
      { source: null },
    );
  }
  const documentXml = zip.readText('word/document.xml');
  if (documentXml === null) {
    throw new LantuError(
      'unsupported_input',
      {
        zh: '无法读取 .docx：缺少 word/document.xml（不是 Word 文档）',
        en: 'unreadable .docx: no word/document.xml (not a Word document)',
      },
      { source: null },
    );
  }
  const styles = readStyles(zip.readText('word/styles.xml'));
  const footnoteBodies = readFootnoteBodies(zip.readText('word/footnotes.xml'));

  const blocks: Block[] = [];
  const warnings: ReadResult['warnings'] = [];
  const footnoteNumbers = new Map<string, number>();
  let paraIndex = 0;
  let p: ParaState | null = null;
  let inText = false;
  let inPPr = false;
  let skipDepth = 0;
  // Tables, possibly nested: cells of the outermost table collect the text of everything inside.
  const tableStack: { rows: string[][]; rowSources: string[]; source: string }[] = [];
  let cellText: string[] | null = null;

  for (const e of events(documentXml)) {
    if (skipDepth > 0) {
      if (e.kind === 'open') skipDepth++;
      else if (e.kind === 'close') skipDepth--;
      continue;
    }
    switch (e.kind) {
      case 'open':
      case 'empty': {
        const empty = e.kind === 'empty';
        switch (e.name) {
          case 'delText':
          case 'instrText':
          case 'fldData':
          case 'drawing':
          case 'pict':
          case 'object':
            if (!empty) skipDepth = 1;
            break;
          case 'p':
            paraIndex++;
            p = { text: '', styleId: null, outline: null, refs: [] };
            if (empty) p = null;
            break;
          case 'pPr':
            inPPr = !empty;
            break;
          case 'pStyle':
            if (p && inPPr) p.styleId = attrs(e.attrs).get('val') ?? null;
            break;
          case 'outlineLvl':
            if (p && inPPr) p.outline = Number(attrs(e.attrs).get('val') ?? 'NaN') + 1;
            break;
          case 't':
            inText = !empty;
            break;
          case 'tab':
            if (p && !inPPr) p.text += '\t';
            break;
          case 'footnoteReference': {
            const id = attrs(e.attrs).get('id');
            if (p && id !== undefined) {
              let n = footnoteNumbers.get(id);
              if (n === undefined) {
                n = footnoteNumbers.size + 1;
                footnoteNumbers.set(id, n);
              }
              p.refs.push(n);
            }
            break;
          }
          case 'tbl':
            tableStack.push({ rows: [], rowSources: [], source: `paragraph ${paraIndex + 1}` });
            break;
          case 'tr': {
            const t = tableStack[tableStack.length - 1];
            if (t && tableStack.length === 1) {
              t.rows.push([]);
              t.rowSources.push(`paragraph ${paraIndex + 1}`);
            }
            break;
          }
          case 'tc':
            if (tableStack.length === 1) cellText = [];
            break;
          default:
            break;
        }
        break;
      }
      case 'close':
        switch (e.name) {
          case 'pPr':
            inPPr = false;
            break;
          case 't':
            inText = false;
            break;
          case 'p': {
            if (!p) break;
            const done: ParaState = p;
            p = null;
            if (cellText !== null) {
              cellText.push(done.text);
              break;
            }
            const text = done.text.replace(/\s+/g, ' ').trim();
            const source = `paragraph ${paraIndex}`;
            if (text === '') {
              const last = blocks[blocks.length - 1];
              if (last && last.type !== 'break') blocks.push({ type: 'break', source });
              break;
            }
            const style = done.styleId ? styles.get(done.styleId) : undefined;
            const level = style?.level ?? (done.outline !== null && done.outline <= 3 ? done.outline : null);
            blocks.push(
              para(text, source, {
                styleLevel: level,
                isTitle: style?.isTitle ?? false,
                footnoteRefs: done.refs,
              }),
            );
            break;
          }
          case 'tc':
            if (tableStack.length === 1 && cellText !== null) {
              const t = tableStack[0];
              const row = t?.rows[t.rows.length - 1];
              row?.push(cellText.join('').replace(/\s+/g, ' ').trim());
              cellText = null;
            }
            break;
          case 'tbl': {
            const t = tableStack.pop();
            if (t && tableStack.length === 0)
              blocks.push({ type: 'table', rows: t.rows, rowSources: t.rowSources, source: t.source });
            break;
          }
          default:
            break;
        }
        break;
      case 'text':
        if (inText && p) p.text += e.text;
        break;
    }
  }

  const footnotes: ReadResult['footnotes'] = [];
  for (const [id, n] of footnoteNumbers) {
    const text = footnoteBodies.get(id);
    if (text === undefined)
      warnings.push({ source: null, message: `footnote reference ${id} has no body in word/footnotes.xml` });
    else footnotes.push({ number: n, text, source: `footnote ${n}` });
  }
  return { blocks, footnotes, sourceUnit: 'paragraph', warnings };
}
