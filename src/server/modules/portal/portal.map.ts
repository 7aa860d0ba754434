import { readFileSync } from 'node:fs';
import { escapeHtml as e } from '../../html.ts';
import type { Lang } from './portal.i18n.ts';

type Position = [number, number];
interface Feature {
  properties: { name: string; nameEn?: string; code: string; kind: string; labelAt?: Position };
  geometry:
    | { type: 'Polygon'; coordinates: Position[][] }
    | { type: 'Point'; coordinates: Position }
    | { type: 'LineString'; coordinates: Position[] };
}

/** The schematic layout of the plan (一核两轴三心四片) that ships with the workspace; no online tiles. */
const GEO = JSON.parse(
  readFileSync(new URL('../../../web/assets/sip-layout.geo.json', import.meta.url), 'utf8'),
) as { features: Feature[] };

const WIDTH = 720;
const PAD = 16;

/**
 * The plan's spatial layout as an inline SVG: the four areas shaded by how many projects lie in each, lakes,
 * the two axes, the centres and the projects that have a location. Drawn on the server: no script, no tiles.
 */
export function layoutMapSvg(lang: Lang, projectsByArea: ReadonlyMap<string, number>, title: string): string {
  const all: Position[] = GEO.features.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? f.geometry.coordinates.flat()
      : f.geometry.type === 'LineString'
        ? f.geometry.coordinates
        : [f.geometry.coordinates],
  );
  const minX = Math.min(...all.map((p) => p[0]));
  const maxX = Math.max(...all.map((p) => p[0]));
  const minY = Math.min(...all.map((p) => p[1]));
  const maxY = Math.max(...all.map((p) => p[1]));
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (WIDTH - 2 * PAD) / ((maxX - minX) * kx);
  const height = Math.round((maxY - minY) * scale + 2 * PAD);
  const xy = (p: Position) =>
    `${((p[0] - minX) * kx * scale + PAD).toFixed(1)},${((maxY - p[1]) * scale + PAD).toFixed(1)}`;
  const label = (f: Feature) =>
    lang === 'en' && f.properties.nameEn ? f.properties.nameEn : f.properties.name;
  const most = Math.max(1, ...projectsByArea.values());
  const parts: string[] = [];
  for (const f of GEO.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') {
      const d = g.coordinates.map((ring) => `M${ring.map(xy).join('L')}Z`).join('');
      if (f.properties.kind === 'lake') {
        parts.push(`<path d="${d}" fill="#cfe3f7" stroke="#7fa9d6"/>`);
      } else {
        const n = projectsByArea.get(f.properties.code) ?? 0;
        const alpha = (0.12 + 0.5 * (n / most)).toFixed(2);
        parts.push(`<path d="${d}" fill="rgba(11,87,208,${alpha})" stroke="#0b3d91" stroke-width="1.5"/>`);
        const at = f.properties.labelAt ?? g.coordinates[0]?.[0];
        if (at) {
          const [x, y] = xy(at).split(',');
          parts.push(
            `<text x="${x}" y="${y}" text-anchor="middle" font-size="13" fill="#10214a">${e(label(f))}</text>`,
          );
          parts.push(
            `<text x="${x}" y="${Number(y) + 16}" text-anchor="middle" font-size="12" fill="#10214a">${n} ${lang === 'zh' ? '个项目' : n === 1 ? 'project' : 'projects'}</text>`,
          );
        }
      }
    } else if (g.type === 'LineString') {
      parts.push(
        `<path d="M${g.coordinates.map(xy).join('L')}" fill="none" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 4"/>`,
      );
    }
  }
  for (const f of GEO.features) {
    const g = f.geometry;
    if (g.type !== 'Point') continue;
    const [x, y] = xy(g.coordinates).split(',');
    const project = f.properties.kind === 'project';
    parts.push(
      project
        ? `<circle cx="${x}" cy="${y}" r="5" fill="#e0a100" stroke="#5c4100"><title>${e(label(f))}</title></circle>`
        : `<rect x="${Number(x) - 5}" y="${Number(y) - 5}" width="10" height="10" fill="#b3261e"><title>${e(label(f))}</title></rect>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>${parts.join('')}</svg>`;
}
