// `node src/web/tools/bundle-size.mjs` after `npm run build`: JS of dist/web, gzip -9, split into what the first
// page load fetches (the entry and its modulepreloads in index.html) and what loads later (routes, ECharts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/\/assets\/([^"]+\.js)/g)].map((m) => m[1]));
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const b = readFileSync(join(dist, 'assets', f));
    return { f, raw: b.length, gz: gzipSync(b, { level: 9 }).length, first: initial.has(f) };
  })
  .sort((a, b) => b.gz - a.gz);
const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
const first = rows.filter((r) => r.first);
const charts = rows.filter((r) => r.f.startsWith('EChart-'));
console.log(`first load   ${first.length} files  ${kb(sum(first, 'raw'))}  gzip ${kb(sum(first, 'gz'))}`);
console.log(
  `ECharts      ${charts.length} file   ${kb(sum(charts, 'raw'))}  gzip ${kb(sum(charts, 'gz'))}  (lazy: first chart)`,
);
console.log(`all JS       ${rows.length} files  ${kb(sum(rows, 'raw'))}  gzip ${kb(sum(rows, 'gz'))}`);
for (const r of rows.slice(0, 8))
  console.log(
    `  ${r.first ? '*' : ' '} ${r.f.padEnd(32)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gz).padStart(9)}`,
  );
