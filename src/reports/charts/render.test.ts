import { describe, expect, it } from 'vitest';
import type { ChartBlock } from '../types.ts';
import { chartSvg, renderCharts } from './render.ts';

const verdicts: ChartBlock = {
  type: 'chart',
  id: 'verdicts',
  caption: '',
  width: 400,
  height: 200,
  spec: { kind: 'verdicts', title: '', items: [{ label: '滞后', count: 3, tone: 'red' }] },
};
const trend: ChartBlock = {
  type: 'chart',
  id: 'trend',
  caption: '',
  width: 400,
  height: 160,
  spec: {
    kind: 'trend',
    title: '',
    unit: '%',
    years: [2020, 2021, 2022],
    actual: [1, 2, null],
    path: [1, 1.5, 2],
    target: 3,
    labels: { actual: 'a', path: 'p', target: 't' },
  },
};

describe('server-side charts', () => {
  it('ECharts SSR gives an SVG with the labels as text', () => {
    const svg = chartSvg(verdicts.spec, 400, 200, 'DejaVu Sans, Noto Sans CJK SC');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>滞后</text>');
  });

  it('renders every chart of a sheet to its own PNG at 1.5× its size', () => {
    const r = renderCharts([verdicts, trend]);
    expect([...r.images.keys()]).toEqual(['verdicts', 'trend']);
    expect([
      r.images.get('verdicts')?.width,
      r.images.get('verdicts')?.height,
      r.images.get('trend')?.height,
    ]).toEqual([600, 300, 240]);
    expect(r.images.get('trend')?.png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('still draws (with a warning) when no CJK font is available', () => {
    const r = renderCharts([trend], {
      fonts: { files: [], family: 'sans-serif', warning: 'no CJK font found' },
    });
    expect(r.images.size).toBe(1);
    expect(r.warnings).toEqual(['no CJK font found']);
  });
});
