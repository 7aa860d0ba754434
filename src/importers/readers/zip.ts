import { inflateRawSync } from 'node:zlib';
import { LantuError } from '../../domain/errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function bad(message: string): LantuError {
  return new LantuError(
    'unsupported_input',
    {
      zh: `无法读取 .docx（${message}）：请用 Word 或 WPS 重新另存为 .docx`,
      en: `unreadable .docx: ${message}`,
    },
    { source: null },
  );
}

/**
 * A minimal ZIP reader for .docx: reads the central directory, refuses archives whose entries would
 * inflate beyond `maxInflatedBytes` in total (declared sizes), and inflates an entry with a hard output
 * cap so a lying header cannot blow up memory either.
 */
export class ZipArchive {
  readonly entries: Map<string, ZipEntry>;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxInflatedBytes: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = this.readDirectory();
  }

  private u16(o: number): number {
    if (o + 2 > this.bytes.byteLength) throw bad('truncated archive');
    return this.view.getUint16(o, true);
  }
  private u32(o: number): number {
    if (o + 4 > this.bytes.byteLength) throw bad('truncated archive');
    return this.view.getUint32(o, true);
  }

  private readDirectory(): Map<string, ZipEntry> {
    const len = this.bytes.byteLength;
    let eocd = -1;
    for (let o = len - 22; o >= Math.max(0, len - 22 - 0xffff); o--) {
      if (this.view.getUint32(o, true) === EOCD_SIG) {
        eocd = o;
        break;
      }
    }
    if (eocd < 0) throw bad('no ZIP end-of-directory record (the file is truncated or not a .docx)');
    const count = this.u16(eocd + 10);
    const cdOffset = this.u32(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
    const entries = new Map<string, ZipEntry>();
    const decoder = new TextDecoder('utf-8');
    let o = cdOffset;
    let total = 0;
    for (let k = 0; k < count; k++) {
      if (this.u32(o) !== CD_SIG) throw bad(`corrupt central directory (entry ${k + 1})`);
      const flags = this.u16(o + 8);
      const method = this.u16(o + 10);
      const compressedSize = this.u32(o + 20);
      const uncompressedSize = this.u32(o + 24);
      const nameLen = this.u16(o + 28);
      const extraLen = this.u16(o + 30);
      const commentLen = this.u16(o + 32);
      const localOffset = this.u32(o + 42);
      if (o + 46 + nameLen > len) throw bad('truncated central directory');
      const name = decoder.decode(this.bytes.subarray(o + 46, o + 46 + nameLen));
      total += uncompressedSize;
      if (total > this.maxInflatedBytes) {
        throw new LantuError(
          'payload_too_large',
          {
            zh: `.docx 解压后超过 ${this.maxInflatedBytes / 1024 / 1024} MB 的上限`,
            en: `the .docx inflates beyond ${this.maxInflatedBytes / 1024 / 1024} MB (zip bomb?)`,
          },
          {
            entry: name,
          },
        );
      }
      entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localOffset });
      o += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if ((e.flags & 1) !== 0)
      throw new LantuError(
        'unsupported_input',
        { zh: `.docx 已加密（${name}）：请先去掉密码`, en: `the .docx is encrypted (${name})` },
        { entry: name },
      );
    const o = e.localOffset;
    if (this.u32(o) !== LOCAL_SIG) throw bad(`corrupt local header for ${name}`);
    const start = o + 30 + this.u16(o + 26) + this.u16(o + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.byteLength) throw bad(`${name} is truncated`);
    const data = this.bytes.subarray(start, end);
    switch (e.method) {
      case 0:
        return data;
      case 8:
        try {
          return inflateRawSync(data, { maxOutputLength: Math.max(1, this.maxInflatedBytes) });
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          if (code === 'ERR_BUFFER_TOO_LARGE') {
            throw new LantuError(
              'payload_too_large',
              {
                zh: `${name} 解压后超过 ${this.maxInflatedBytes / 1024 / 1024} MB 的上限`,
                en: `${name} inflates beyond ${this.maxInflatedBytes / 1024 / 1024} MB (zip bomb?)`,
              },
              { entry: name },
            );
          }
          throw bad(`${name} cannot be inflated`);
        }
      default:
        throw bad(`${name} uses unsupported compression method ${e.method}`);
    }
  }

  readText(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : new TextDecoder('utf-8').decode(b);
  }
}
