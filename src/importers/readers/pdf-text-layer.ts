// The worker module's declaration, for every project that reaches this file (the web's typecheck does,
// through the server's types); an ambient module cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfjs-worker.d.ts" />
import { LantuError } from '../../domain/errors.ts';

/** One character of a PDF page's text layer with its position (PDF units, y up) and font. */
export interface Glyph {
  ch: string;
  x: number;
  y: number;
  w: number;
  size: number;
  font: string;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  glyphs: Glyph[];
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js's legacy build (the one for Node) installs core-js polyfills; its Array.prototype.push
 * replacement is several times slower than V8's own and would slow every array in the process, so the
 * native one is put back once the module has loaded (pdf.js does not depend on the polyfilled corner case).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const nativePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
    ensurePromiseWithResolvers();
    const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The worker module (run in this thread: Node has no pdf.js web worker) carries its own copy of the
    // polyfills; loaded lazily by the first getDocument it would replace push again after the restore
    // below (measured: a third of a PDF import's CPU time went into the polyfilled push). Loading it here
    // makes pdf.js use it in place (globalThis.pdfjsWorker) and lets one restore cover both.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    if (nativePush) Object.defineProperty(Array.prototype, 'push', nativePush);
    return mod;
  })();
  return pdfjs;
}

/** Node 20 lacks Promise.withResolvers, which pdf.js calls (its own polyfill is not always applied). */
function ensurePromiseWithResolvers(): void {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

const WIDE_RE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·]/;

/** Splits a text run into characters, placing wide (CJK) characters one em apart. */
function glyphsOf(item: TextItem): Glyph[] {
  const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
  const size = Math.hypot(a, b) || 1;
  const chars = [...item.str];
  if (chars.length === 0) return [];
  const wide = chars.filter((c) => WIDE_RE.test(c)).length;
  const narrowCount = chars.length - wide;
  const wideW =
    narrowCount === 0 ? item.width / chars.length : Math.min(size, (item.width / chars.length) * 1.6);
  const narrowW = narrowCount === 0 ? 0 : Math.max(0, (item.width - wide * wideW) / narrowCount);
  const out: Glyph[] = [];
  let x = e;
  for (const ch of chars) {
    const w = WIDE_RE.test(ch) ? wideW : narrowW;
    out.push({ ch, x, y: f, w, size, font: item.fontName });
    x += w;
  }
  return out;
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** One page and its text; a page pdf.js cannot parse (a damaged file) is refused as input, not a crash. */
async function readPage(doc: PdfDoc, p: number) {
  try {
    const page = await doc.getPage(p);
    const content = await page.getTextContent({ disableNormalization: true });
    return { page, content };
  } catch (e) {
    throw new LantuError(
      'unsupported_input',
      `the PDF is damaged: page ${p} cannot be read (${e instanceof Error ? e.message : String(e)})`,
      { source: `page ${p}` },
    );
  }
}

/** Reads the text layer of every page; refuses encrypted files and files without text. */
export async function readTextLayer(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await loadPdfJs();
  let doc: PdfDoc;
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    verbosity: 0,
    stopAtErrors: false,
  });
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: unknown }).name;
    if (name === 'PasswordException')
      throw new LantuError(
        'unsupported_input',
        'the PDF is encrypted (password-protected): remove the password and try again',
        {
          source: null,
        },
      );
    throw new LantuError(
      'unsupported_input',
      `not a readable PDF: ${e instanceof Error ? e.message : String(e)}`,
      {
        source: 'byte 0',
      },
    );
  }
  try {
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const { page, content } = await readPage(doc, p);
      const view = page.view;
      const glyphs: Glyph[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        glyphs.push(...glyphsOf(it));
      }
      chars += glyphs.filter((g) => g.ch.trim() !== '').length;
      pages.push({
        number: p,
        width: (view[2] ?? 595) - (view[0] ?? 0),
        height: (view[3] ?? 842) - (view[1] ?? 0),
        glyphs,
      });
      page.cleanup();
    }
    if (chars < 20 * Math.max(1, Math.min(doc.numPages, 5)))
      throw new LantuError(
        'unsupported_input',
        'the PDF has no text layer (a scanned document?): OCR is not supported — use a PDF with text, or the .docx',
        { source: null },
      );
    return pages;
  } finally {
    await task.destroy();
  }
}
