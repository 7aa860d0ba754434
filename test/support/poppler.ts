/** Reading PDFs back with poppler-utils (pdftotext, pdftoppm), as the PDF report tests do. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of pages first..last. */
export function pdfText(pdf: string, first = 1, last = 999): string {
  return execFileSync('pdftotext', ['-f', String(first), '-l', String(last), pdf, '-'], {
    encoding: 'utf8',
  });
}

/** Page 1 rendered by pdftoppm (greyscale, 30 dpi): the share of its pixels that are not near-white. */
export function inkOnFirstPage(pdf: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-pdftoppm-'));
  try {
    const base = join(dir, 'page');
    execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
    const pgm = readFileSync(`${base}.pgm`);
    // P5 <width> <height> 255, then one byte a pixel
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (header === null) throw new Error('pdftoppm wrote no PGM');
    const [all, w, h] = header;
    const pixels = pgm.subarray(all.length, all.length + Number(w) * Number(h));
    let dark = 0;
    for (const p of pixels) if (p < 200) dark += 1;
    return dark / pixels.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
