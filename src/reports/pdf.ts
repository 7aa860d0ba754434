/**
 * PDF from the .docx report, by LibreOffice in headless mode (`soffice --convert-to pdf`). The converter
 * runs as a child process — the event loop only waits for it — in a private profile directory (two
 * conversions at once would otherwise fight over one profile), and is killed after a timeout. Without
 * LibreOffice the caller gets a typed `service_unavailable` naming what to install.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LantuError } from '../domain/errors.ts';

export const PDF_INSTALL_HINT = 'apt-get install -y libreoffice-writer-nogui fonts-noto-cjk';

/** Seconds a conversion may take before it is killed (LANTU_PDF_TIMEOUT_SECONDS overrides). */
const DEFAULT_TIMEOUT_MS = 120_000;

export interface PdfOptions {
  /** The converter: LANTU_SOFFICE, else soffice / libreoffice on PATH. */
  soffice?: string | null;
  timeoutMs?: number;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice binary to run, or null when none is installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env.LANTU_SOFFICE?.trim();
  if (set !== undefined && set !== '') return executable(set) ? set : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== ''))
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  return null;
}

function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.LANTU_PDF_TIMEOUT_SECONDS);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_TIMEOUT_MS;
}

export function pdfUnavailable(): LantuError {
  return new LantuError(
    'service_unavailable',
    {
      zh: `生成PDF报告需要安装LibreOffice（${PDF_INSTALL_HINT}），可先下载.docx版本`,
      en: `PDF reports need LibreOffice, which is not installed on this server (${PDF_INSTALL_HINT}); the .docx report is available`,
    },
    { install: PDF_INSTALL_HINT },
  );
}

/** At most this many LibreOffice processes at once (each takes ~200 MB); the others wait their turn. */
const MAX_CONVERSIONS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONVERSIONS) await new Promise<void>((r) => waiting.push(r));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Converts a .docx to PDF; throws service_unavailable without LibreOffice, internal on a failed run. */
export function docxToPdf(docx: Buffer, opts: PdfOptions = {}): Promise<Buffer> {
  return slot(() => convert(docx, opts));
}

async function convert(docx: Buffer, opts: PdfOptions): Promise<Buffer> {
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (soffice === null) throw pdfUnavailable();
  const timeoutMs = opts.timeoutMs ?? timeoutFromEnv();
  const dir = await mkdtemp(join(tmpdir(), 'lantu-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      dir,
      input,
    ];
    await writeFile(join(dir, 'fonts.conf'), FONTS_CONF);
    const { code, stderr, timedOut } = await run(soffice, args, timeoutMs, dir);
    if (timedOut)
      throw new LantuError(
        'service_unavailable',
        {
          zh: 'PDF转换超时，请稍后重试或下载.docx版本',
          en: `PDF conversion took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; try again later or download the .docx`,
        },
        { timeoutSeconds: Math.round(timeoutMs / 1000) },
      );
    let pdf: Buffer;
    try {
      pdf = await readFile(join(dir, 'report.pdf'));
    } catch {
      throw new LantuError(
        'internal',
        { zh: 'PDF转换失败', en: `PDF conversion failed (LibreOffice exit ${String(code)})` },
        { exit: code, stderr: stderr.slice(-500) },
      );
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new LantuError(
        'internal',
        { zh: 'PDF转换失败', en: 'PDF conversion produced no PDF' },
        { exit: code },
      );
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * The Windows names the .docx asks for (仿宋, 楷体, 宋体 serif; 黑体 sans), mapped to the Simplified Chinese
 * Noto CJK faces where those are installed — without it fontconfig picks the first CJK face, the Japanese one.
 * The system configuration is read first, so anything else resolves as usual.
 */
const serif = ['仿宋', '仿宋_GB2312', 'FangSong', '楷体', '楷体_GB2312', 'KaiTi', '宋体', 'SimSun'];
const sans = ['黑体', 'SimHei'];
const alias = (names: readonly string[], prefer: string): string =>
  names
    .map(
      (n) => `<alias binding="same"><family>${n}</family><prefer><family>${prefer}</family></prefer></alias>`,
    )
    .join('');
const FONTS_CONF = `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${alias(serif, 'Noto Serif CJK SC')}${alias(sans, 'Noto Sans CJK SC')}</fontconfig>`;

function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
  home: string,
): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills soffice.bin too, not only the wrapper script.
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, HOME: home, FONTCONFIG_FILE: join(home, 'fonts.conf') },
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 10_000) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' || e.code === 'EACCES' ? pdfUnavailable() : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
