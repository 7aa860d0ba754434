import { createHash } from 'node:crypto';

/**
 * Minimal PDFs written by hand for the importer's tests: one page per `pages` entry, each line set in a
 * CID font (Identity-H) whose ToUnicode map gives the text layer, so Chinese text needs no font file.
 * `encrypt` applies the standard security handler (RC4 40-bit, revision 2): with a user password the file
 * cannot be opened without it; with an empty user password (an owner password only) any viewer opens it.
 */
export interface PdfFixtureOptions {
  /** Lines per page, top to bottom. An empty list gives a page without text (what a scan looks like). */
  pages: string[][];
  size?: number;
  encrypt?: { user: string; owner: string };
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const FILE_ID = Buffer.from('6c616e74752d706466666978747572653031', 'hex').subarray(0, 16);

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  let b = 0;
  for (let n = 0; n < data.length; n++) {
    a = (a + 1) & 255;
    b = (b + (s[a] ?? 0)) & 255;
    [s[a], s[b]] = [s[b] ?? 0, s[a] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[a] ?? 0) + (s[b] ?? 0)) & 255] ?? 0);
  }
  return out;
}

const md5 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};
const padded = (pw: string): Buffer => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);

interface Security {
  key: Buffer;
  o: Buffer;
  u: Buffer;
  p: number;
}

/** Algorithms 2–4 of the PDF standard security handler, revision 2. */
function security(user: string, owner: string): Security {
  const p = -4;
  const o = rc4(md5(padded(owner)).subarray(0, 5), padded(user));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const key = md5(padded(user), o, pBytes, FILE_ID).subarray(0, 5);
  return { key, o, u: rc4(key, PAD), p };
}

function objectKey(sec: Security, num: number): Buffer {
  const n = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
  return md5(sec.key, n).subarray(0, 10);
}

/** UTF-16 code units of the text, each given a 2-byte CID (its index in `cids`). */
function cidHex(text: string, cids: Map<string, number>): string {
  let hex = '';
  for (const ch of text) {
    if (!cids.has(ch)) cids.set(ch, cids.size + 1);
    hex += (cids.get(ch) ?? 0).toString(16).padStart(4, '0');
  }
  return hex;
}

function toUnicodeCMap(cids: Map<string, number>): string {
  const entries = [...cids].map(
    ([ch, cid]) =>
      `<${cid.toString(16).padStart(4, '0')}> <${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}>`,
  );
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

export function buildPdf(opts: PdfFixtureOptions): Uint8Array {
  const size = opts.size ?? 12;
  const sec = opts.encrypt ? security(opts.encrypt.user, opts.encrypt.owner) : null;
  const cids = new Map<string, number>();
  const contents = opts.pages.map((lines) =>
    lines
      .map((l, i) => `BT /F1 ${size} Tf 1 0 0 1 72 ${770 - i * size * 1.6} Tm <${cidHex(l, cids)}> Tj ET`)
      .join('\n'),
  );
  // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then page + content pairs.
  const first = 7;
  const objects: (string | { dict: string; data: Buffer })[] = [];
  const str = (num: number, s: string): string =>
    `<${(sec ? rc4(objectKey(sec, num), Buffer.from(s, 'latin1')) : Buffer.from(s, 'latin1')).toString('hex')}>`;
  const kids = opts.pages.map((_, i) => `${first + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${opts.pages.length} >>`);
  objects.push(
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
  );
  objects.push(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry ${str(4, 'Adobe')} /Ordering ${str(4, 'Identity')} /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>`,
  );
  objects.push(
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  objects.push({ dict: '', data: Buffer.from(toUnicodeCMap(cids), 'latin1') });
  contents.forEach((c, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + i * 2 + 1} 0 R >>`,
    );
    objects.push({ dict: '', data: Buffer.from(c, 'latin1') });
  });
  const encryptNum = objects.length + 1;
  if (sec)
    objects.push(
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${sec.o.toString('hex')}> /U <${sec.u.toString('hex')}> /P ${sec.p} >>`,
    );

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  const put = (b: Buffer): void => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    const num = i + 1;
    offsets.push(length);
    if (typeof o === 'string') {
      put(Buffer.from(`${num} 0 obj\n${o}\nendobj\n`, 'latin1'));
      return;
    }
    const data = sec && num !== encryptNum ? rc4(objectKey(sec, num), o.data) : o.data;
    put(Buffer.from(`${num} 0 obj\n<< /Length ${data.length} >>\nstream\n`, 'latin1'));
    put(data);
    put(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  const xref = length;
  const rows = offsets.map((off) => `${String(off).padStart(10, '0')} 00000 n \n`).join('');
  const id = FILE_ID.toString('hex');
  put(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${sec ? ` /Encrypt ${encryptNum} 0 R` : ''} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}
