/**
 * Server-side charts: ECharts SSR (SVG) → PNG with resvg. resvg reads its font files on every render
 * (≈ 0.3 s for a CJK font), so all the charts of a report are stacked into one SVG sheet, rendered once,
 * and cut apart.
 */
import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartBlock, ChartSpec } from '../types.ts';
import { chartFonts } from './fonts.ts';
import type { ChartFonts } from './fonts.ts';
import { chartOption } from './options.ts';
import { encodePngCrop } from './png.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartImage {
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

export interface RenderedCharts {
  images: Map<string, ChartImage>;
  warnings: string[];
}

export function chartSvg(spec: ChartSpec, width: number, height: number, fontFamily: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, fontFamily));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Renders every chart block to PNG at `zoom` × its CSS size. A chart that fails is left out, with a warning. */
export function renderCharts(
  charts: readonly ChartBlock[],
  opts: { zoom?: number; fonts?: ChartFonts } = {},
): RenderedCharts {
  const zoom = opts.zoom ?? 1.5;
  const fonts = opts.fonts ?? chartFonts();
  const warnings: string[] = fonts.warning !== null ? [fonts.warning] : [];
  const images = new Map<string, ChartImage>();
  if (charts.length === 0) return { images, warnings };
  const placed: { id: string; y: number; width: number; height: number; svg: string }[] = [];
  let y = 0;
  for (const c of charts) {
    try {
      const svg = chartSvg(c.spec, c.width, c.height, fonts.family);
      placed.push({
        id: c.id,
        y,
        width: c.width,
        height: c.height,
        svg: svg.replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/, `<svg x="0" y="${y}"`),
      });
      y += c.height;
    } catch (e) {
      warnings.push(`chart ${c.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (placed.length === 0) return { images, warnings };
  const width = Math.max(...placed.map((p) => p.width));
  const sheet = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}"><rect width="100%" height="100%" fill="#ffffff"/>${placed.map((p) => p.svg).join('')}</svg>`;
  try {
    const font =
      fonts.files.length > 0
        ? {
            loadSystemFonts: false,
            fontFiles: fonts.files,
            defaultFontFamily: fonts.family.split(',')[0]?.trim() ?? fonts.family,
            sansSerifFamily: fonts.family.split(',').pop()?.trim() ?? fonts.family,
          }
        : { loadSystemFonts: true };
    const rendered = new Resvg(sheet, {
      font,
      fitTo: { mode: 'zoom', value: zoom },
      background: '#ffffff',
      logLevel: 'off',
    }).render();
    const pixels = rendered.pixels;
    const scale = rendered.width / width;
    for (const p of placed) {
      const top = Math.round(p.y * scale);
      const h = Math.min(rendered.height - top, Math.round(p.height * scale));
      const w = Math.min(rendered.width, Math.round(p.width * scale));
      images.set(p.id, { png: encodePngCrop(pixels, rendered.width, 0, top, w, h), width: w, height: h });
    }
  } catch (e) {
    warnings.push(`charts could not be rendered: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { images, warnings };
}
