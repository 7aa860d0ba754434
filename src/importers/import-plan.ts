import { LantuError } from '../domain/errors.ts';
import type { ReadResult } from './blocks.ts';
import { buildPlanDocument } from './build.ts';
import type { PlanDocument } from './plan-document.ts';
import { readDocx } from './readers/docx-reader.ts';
import { readMarkdown } from './readers/md-reader.ts';
import { readPdf } from './readers/pdf-reader.ts';
import { readTxt } from './readers/txt-reader.ts';
import type { Simplifier } from './script.ts';
import { restoreStrings, simplifierFor, simplifyRead } from './script.ts';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/**
 * Caps on what a document may hold. Real outlines have a few thousand paragraphs and a few hundred
 * headings and tasks (the SIP 14th outline 275 nodes, the national ones about 250); an input far past
 * them is refused before its tree is built, stored and served on every dashboard read.
 */
export const MAX_BLOCKS = 50_000;
export const MAX_NODES = 10_000;
/** Text inputs: lines counted before reading (the reader's work grows with them). */
export const MAX_LINES = 200_000;

function checkLines(text: string): void {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > MAX_LINES) {
      throw new LantuError(
        'payload_too_large',
        {
          zh: `文本超过 ${MAX_LINES} 行：规划纲要最多 ${MAX_LINES} 行，请拆分后再导入`,
          en: `the text has more than ${MAX_LINES} lines; a plan outline may have at most ${MAX_LINES}`,
        },
        { limit: 'lines', max: MAX_LINES },
      );
    }
  }
}

export type InputFormat = 'txt' | 'md' | 'docx' | 'pdf';

export interface ImportInput {
  bytes: Uint8Array;
  /** Used to pick the reader by extension and as a last-resort title. */
  filename?: string | null;
  /** Forces a reader; otherwise chosen by extension, then by sniffing the bytes. */
  format?: InputFormat;
}

export type ImportStage = 'read' | 'structure' | 'done';
export interface ImportOptions {
  onProgress?: (stage: ImportStage, fraction: number) => void;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function detectFormat(bytes: Uint8Array, filename: string | null): InputFormat {
  const ext = filename ? (/\.([A-Za-z0-9]+)$/.exec(filename)?.[1] ?? '').toLowerCase() : '';
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new LantuError(
      'unsupported_input',
      ext === 'doc'
        ? {
            zh: '不支持旧版 Word 97-2003 .doc 文件：请另存为 .docx',
            en: 'legacy Word 97-2003 .doc is not supported: save it as .docx',
          }
        : {
            zh: '文件已加密（设有密码的 Office 文档）或为旧版 .doc：请去掉密码并另存为 .docx',
            en: 'the file is encrypted (password-protected Office document) or a legacy .doc: remove the password and save as .docx',
          },
      { source: 'byte 0' },
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'docx';
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  switch (ext) {
    case 'docx':
    case 'wps':
      return 'docx';
    case 'md':
    case 'markdown':
      return 'md';
    case 'txt':
    case 'text':
      return 'txt';
    case 'pdf':
      return 'pdf';
    case 'doc':
    case 'xlsx':
    case 'xls':
      throw new LantuError(
        'unsupported_input',
        {
          zh: `不支持 .${ext} 文件：请使用 .docx、.pdf、.txt 或 .md`,
          en: `.${ext} files are not supported: use .docx, .pdf, .txt or .md`,
        },
        { source: null },
      );
    default:
      break;
  }
  return 'txt';
}

/** Decodes text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (common for Chinese .txt). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new LantuError(
        'unsupported_input',
        {
          zh: '文件既不是 UTF-8 或 GB18030 编码的文本，也不是 .docx',
          en: 'the file is neither UTF-8 nor GB18030 text, nor a .docx',
        },
        { source: 'byte 0' },
      );
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new LantuError(
      'unsupported_input',
      {
        zh: `第 ${line} 行有二进制数据（NUL 字节）：不是文本文件`,
        en: `binary data (NUL byte) at line ${line}: not a text file`,
      },
      { source: `line ${line}` },
    );
  }
  return text;
}

/** Text formats are simplified before reading: their headings are found in the characters themselves. */
function read(
  bytes: Uint8Array,
  format: 'txt' | 'md' | 'docx',
): { result: ReadResult; simplifier: Simplifier } {
  switch (format) {
    case 'txt':
    case 'md': {
      const text = decodeText(bytes);
      checkLines(text);
      const simplifier = simplifierFor(text);
      const simple = simplifier.convert(text);
      return { result: format === 'txt' ? readTxt(simple) : readMarkdown(simple), simplifier };
    }
    case 'docx': {
      const { read: result, simplifier } = simplifyRead(
        readDocx(bytes, { maxInflatedBytes: MAX_INFLATED_BYTES }),
      );
      return { result, simplifier };
    }
  }
}

/** Parts, chapters, sections and tasks of a plan document. */
function countDocumentNodes(doc: PlanDocument): number {
  let n = doc.parts.length + (doc.preamble?.tasks.length ?? 0);
  for (const c of [...doc.parts.flatMap((p) => p.chapters), ...doc.chapters]) {
    n += 1 + c.tasks.length + c.sections.length;
    for (const s of c.sections) n += s.tasks.length;
  }
  return n;
}

/** Recognises the plan in what a reader produced; traditional script is read through a simplified copy. */
export function structure(
  result: ReadResult,
  simplifier: Simplifier,
  filename: string | null,
  format: PlanDocument['meta']['sourceFormat'],
  opts: ImportOptions = {},
): PlanDocument {
  if (result.blocks.length > MAX_BLOCKS) {
    throw new LantuError(
      'payload_too_large',
      {
        zh: `文档有 ${result.blocks.length} 个段落和表格：规划纲要最多 ${MAX_BLOCKS} 个，请拆分后再导入`,
        en: `the document has ${result.blocks.length} paragraphs and tables; a plan outline may have at most ${MAX_BLOCKS}`,
      },
      { limit: 'paragraphs', max: MAX_BLOCKS },
    );
  }
  const built = buildPlanDocument(result, { filename, sourceFormat: format });
  const nodes = countDocumentNodes(built);
  if (nodes > MAX_NODES) {
    throw new LantuError(
      'payload_too_large',
      {
        zh: `纲要有 ${nodes} 个篇章节和任务：一个规划最多 ${MAX_NODES} 个，请拆分后再导入`,
        en: `the outline has ${nodes} headings and tasks; a plan may have at most ${MAX_NODES}`,
      },
      { limit: 'nodes', max: MAX_NODES },
    );
  }
  const doc = simplifier.script === 'traditional' ? restoreStrings(built, simplifier.restore) : built;
  doc.report.script = simplifier.script;
  opts.onProgress?.('done', 1);
  return doc;
}

/** A failure of the importer itself (not of the input) as an internal error; a LantuError as it is. */
function unexpected(e: unknown): LantuError {
  if (e instanceof LantuError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LantuError(
    'internal',
    { zh: `导入时发生意外错误：${message}`, en: `the importer failed unexpectedly: ${message}` },
    { cause: message },
  );
}

/**
 * Turns a plan outline (.docx, .txt converted from .docx, or .md) into a plan document.
 * Every failure is a LantuError (not_a_plan, unsupported_input, payload_too_large); nothing else escapes.
 */
export function importPlan(input: ImportInput, opts: ImportOptions = {}): PlanDocument {
  const filename = input.filename ?? null;
  if (input.bytes.byteLength > MAX_INPUT_BYTES) {
    throw new LantuError(
      'payload_too_large',
      {
        zh: `文件有 ${input.bytes.byteLength} 字节，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限，请压缩或拆分后再导入`,
        en: `input is ${input.bytes.byteLength} bytes; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
      },
      { limit: MAX_INPUT_BYTES },
    );
  }
  if (input.bytes.byteLength === 0)
    throw new LantuError('not_a_plan', { zh: '文件是空的', en: 'the input is empty' }, { source: null });
  try {
    const format = input.format ?? detectFormat(input.bytes, filename);
    opts.onProgress?.('read', 0);
    if (format === 'pdf')
      throw new LantuError(
        'unsupported_input',
        {
          zh: '.pdf 须由 importPlanAsync 读取（其读取器是异步的）',
          en: 'a .pdf is read by importPlanAsync (its reader is asynchronous)',
        },
        { source: null },
      );
    const { result, simplifier } = read(input.bytes, format);
    opts.onProgress?.('structure', 0.6);
    return structure(result, simplifier, filename, format, opts);
  } catch (e) {
    throw unexpected(e);
  }
}

/**
 * The importer's one entry point for every format, .pdf included (pdf.js reads pages asynchronously,
 * yielding between them, so a PDF import does not hold the event loop for its whole length). Same
 * errors as importPlan.
 */
export async function importPlanAsync(input: ImportInput, opts: ImportOptions = {}): Promise<PlanDocument> {
  const filename = input.filename ?? null;
  let format: InputFormat;
  try {
    if (input.bytes.byteLength === 0 || input.bytes.byteLength > MAX_INPUT_BYTES)
      return importPlan(input, opts);
    format = input.format ?? detectFormat(input.bytes, filename);
  } catch {
    return importPlan(input, opts);
  }
  if (format !== 'pdf') return importPlan({ ...input, format }, opts);
  try {
    opts.onProgress?.('read', 0);
    const { read: result, simplifier } = simplifyRead(await readPdf(input.bytes));
    opts.onProgress?.('structure', 0.6);
    return structure(result, simplifier, filename, 'pdf', opts);
  } catch (e) {
    throw unexpected(e);
  }
}
