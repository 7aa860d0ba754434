import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChartFonts } from './fonts.ts';

const dir = mkdtempSync(join(tmpdir(), 'lantu-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChartFonts', () => {
  it('warns and falls back to the system fonts when no CJK font is found', () => {
    const f = findChartFonts({}, [join(dir, 'none')]);
    expect(f.files).toEqual([]);
    expect(f.warning).toMatch(/no CJK font/);
  });

  it('asks for a small Latin font first and a CJK font for Chinese', () => {
    mkdirSync(join(dir, 'opentype/noto'), { recursive: true });
    mkdirSync(join(dir, 'truetype/dejavu'), { recursive: true });
    writeFileSync(join(dir, 'opentype/noto/NotoSansCJK-Regular.ttc'), '');
    writeFileSync(join(dir, 'truetype/dejavu/DejaVuSans.ttf'), '');
    const f = findChartFonts({}, [dir]);
    expect(f.files.map((p) => p.slice(dir.length))).toEqual([
      '/truetype/dejavu/DejaVuSans.ttf',
      '/opentype/noto/NotoSansCJK-Regular.ttc',
    ]);
    expect(f.family).toBe('DejaVu Sans, Noto Sans CJK SC');
    expect(f.warning).toBeNull();
  });

  it('takes LANTU_CHART_FONT over the search', () => {
    const file = join(dir, 'my.ttf');
    writeFileSync(file, '');
    expect(findChartFonts({ LANTU_CHART_FONT: file, LANTU_CHART_FONT_FAMILY: 'My Font' }, [])).toEqual({
      files: [file],
      family: 'My Font',
      warning: null,
    });
  });
});
