import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * echarts-for-react 3.0.6 imports `tslib` without declaring it; npm leaves the only copy under echarts. Resolve it
 * from echarts-for-react first (a top-level tslib wins), then from echarts.
 */
function tslibEsm(): string {
  for (const from of [
    './node_modules/echarts-for-react/package.json',
    './node_modules/echarts/package.json',
  ]) {
    try {
      return join(dirname(createRequire(here(from)).resolve('tslib')), 'tslib.es6.js');
    } catch {
      /* try the next */
    }
  }
  return 'tslib';
}

// The web workspace (src/web) → dist/web, served by `lantu serve` (src/server/static.ts).
// `npx vite` serves it on :5173 with /api proxied to a running `npm start` (PORT=3000).
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { tslib: tslibEsm() } },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.LANTU_API_PORT ?? '3000'}` } },
});
