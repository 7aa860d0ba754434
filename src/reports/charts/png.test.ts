import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePngCrop } from './png.ts';

function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const out: { type: string; data: Buffer; crc: number }[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    out.push({
      type: png.toString('ascii', o + 4, o + 8),
      data: png.subarray(o + 8, o + 8 + len),
      crc: png.readUInt32BE(o + 8 + len),
    });
    o += 12 + len;
  }
  return out;
}

describe('encodePngCrop', () => {
  it('writes a valid RGB PNG of the rectangle, composited on white', () => {
    // 3×2 premultiplied RGBA: red, transparent, half-transparent black / green, blue, white
    const rgba = Uint8Array.from([
      255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
    ]);
    const png = encodePngCrop(rgba, 3, 1, 0, 2, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = cs[0]?.data ?? Buffer.alloc(0);
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([2, 2, 8, 2]);
    const raw = zlib.inflateSync(cs[1]?.data ?? Buffer.alloc(0));
    expect([...raw]).toEqual([0, 255, 255, 255, 127, 127, 127, 0, 0, 0, 255, 255, 255, 255]);
    const crc32 = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    if (crc32 !== undefined)
      for (const c of cs) expect(c.crc).toBe(crc32(Buffer.concat([Buffer.from(c.type, 'ascii'), c.data])));
  });
});
