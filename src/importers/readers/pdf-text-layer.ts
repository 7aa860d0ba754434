// The worker module's declaration, for every project that reaches this file (the web's typecheck does,
// through the server's types); an ambient module cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfjs-worker.d.ts" />
import { LantuError } from '../../domain/errors.ts';
import { InThreadPort } from './pdf-port.ts';

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

type PdfJsLib = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJsWorker = typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs');
interface PdfJs {
  lib: PdfJsLib;
  worker: PdfJsWorker['WorkerMessageHandler'];
}
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
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The worker module (run in this thread: Node has no pdf.js web worker) carries its own copy of the
    // polyfills; loaded lazily by the first getDocument it would replace push again after the restore
    // below (measured: a third of a PDF import's CPU time went into the polyfilled push). Loading it here
    // lets one restore cover both; its message handler is connected to each document's port below.
    const { WorkerMessageHandler } = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    if (nativePush) Object.defineProperty(Array.prototype, 'push', nativePush);
    return { lib, worker: WorkerMessageHandler };
  })();
  return pdfjs;
}

/** Loads pdf.js ahead of the first PDF (the parsing worker does when it starts). */
export async function preloadPdfJs(): Promise<void> {
  await loadPdfJs();
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

const isWide = (ch: string): boolean => WIDE_RE.test(ch);

/**
 * Splits a text run into characters, placing wide (CJK) characters one em apart, and appends them to
 * `out`; answers how many are not blank.
 */
function addGlyphs(item: TextItem, out: Glyph[]): number {
  const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
  const size = Math.hypot(a, b) || 1;
  const chars = Array.from(item.str);
  const n = chars.length;
  if (n === 0) return 0;
  let wide = 0;
  const wideAt: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) if ((wideAt[i] = isWide(chars[i] ?? ''))) wide++;
  const narrowCount = n - wide;
  const wideW = narrowCount === 0 ? item.width / n : Math.min(size, (item.width / n) * 1.6);
  const narrowW = narrowCount === 0 ? 0 : Math.max(0, (item.width - wide * wideW) / narrowCount);
  let x = e;
  let visible = 0;
  for (let i = 0; i < n; i++) {
    const ch = chars[i] ?? '';
    const w = wideAt[i] ? wideW : narrowW;
    out.push({ ch, x, y: f, w, size, font: item.fontName });
    if (ch.trim() !== '') visible++;
    x += w;
  }
  return visible;
}

type PdfTask = ReturnType<PdfJsLib['getDocument']>;
type PdfDoc = Awaited<PdfTask['promise']>;

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

/** Opens the document; a password, a damaged file or any encryption is refused as input. */
async function openDocument(task: PdfTask): Promise<PdfDoc> {
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    if ((e as { name?: unknown }).name === 'PasswordException')
      throw encrypted('a password is needed to open it');
    throw new LantuError(
      'unsupported_input',
      `not a readable PDF: ${e instanceof Error ? e.message : String(e)}`,
      { source: 'byte 0' },
    );
  }
  // A file that opens without a password may still be encrypted (an owner password restricting copying,
  // printing or changes): its permissions say so. Encrypted files are refused as a whole (issue 14).
  if ((await doc.getPermissions()) !== null) throw encrypted('it opens without a password but is restricted');
  return doc;
}

function encrypted(why: string): LantuError {
  return new LantuError(
    'unsupported_input',
    {
      zh: 'PDF 文件已加密：请另存（或打印）为未加密的 PDF，或使用 .docx 文件后重试',
      en: `the PDF is encrypted (${why}): save or print it as an unencrypted PDF, or use the .docx, and try again`,
    },
    { source: null, reason: 'encrypted' },
  );
}

/** Reads the text layer of every page; refuses encrypted files and files without text. */
export async function readTextLayer(bytes: Uint8Array): Promise<PdfPage[]> {
  const { lib, worker: workerSide } = await loadPdfJs();
  // pdf.js's document and worker sides talk through a port of lantu's (see pdf-port.ts), one per file.
  const port = new InThreadPort();
  // (pdf.js types the option as `null`; its documentation and code take a port object.)
  const worker = new lib.PDFWorker({ port: port as never, verbosity: 0 });
  workerSide.initializeFromPort(port);
  // Text only: no font faces, no system fonts, no fetches from the worker side, no pre-fetching.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    worker,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
    stopAtErrors: false,
  });
  try {
    const doc = await openDocument(task);
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const { page, content } = await readPage(doc, p);
      const view = page.view;
      const glyphs: Glyph[] = [];
      for (const it of content.items) if ('str' in it && it.str !== '') chars += addGlyphs(it, glyphs);
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
        {
          zh: 'PDF 没有文字层（扫描件？）：不支持文字识别（OCR），请使用带文字的 PDF 或 .docx 文件',
          en: 'the PDF has no text layer (a scanned document?): OCR is not supported — use a PDF with text, or the .docx',
        },
        { source: null },
      );
    return pages;
  } finally {
    await task.destroy();
    worker.destroy();
    port.terminate();
  }
}
