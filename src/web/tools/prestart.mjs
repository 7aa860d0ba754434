// `npm start` runs this first: build the web workspace when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const builtIndex = join(repo, 'dist/web/index.html');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const sources = Math.max(newest(join(repo, 'src/web')), newest(join(repo, 'vite.config.ts')));
const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
if (built >= sources) process.exit(0);

console.log(
  built
    ? 'lantu: web workspace changed — rebuilding dist/web (vite build)…'
    : 'lantu: building the web workspace into dist/web (vite build, first start only)…',
);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (r.status !== 0) {
  console.error('lantu: web build failed (the API still works; run `npm run build` to see why)');
  process.exit(0);
}
console.log(`lantu: web workspace built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
