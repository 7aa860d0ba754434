import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { page } from './html.ts';

/** Where `npm run build` (vite) writes the web workspace. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Loaded {
  body: Uint8Array;
  type: string;
}

/**
 * Serves the built web workspace (dist/web): files as they are, hashed assets (`/assets/*`) with a year-long
 * immutable cache, and index.html (never cached) for every other GET outside /api, so client-side routes
 * survive a reload. Paths are resolved inside `root` only.
 */
export function serveWeb(root: string = WEB_DIST): MiddlewareHandler<AppEnv> {
  const cache = new Map<string, Loaded | null>();
  const load = async (rel: string): Promise<Loaded | null> => {
    const hit = cache.get(rel);
    if (hit !== undefined) return hit;
    const full = normalize(join(root, rel));
    if (full !== root && !full.startsWith(root + sep)) return null;
    let loaded: Loaded | null = null;
    try {
      if ((await stat(full)).isFile()) {
        loaded = {
          body: new Uint8Array(await readFile(full)),
          type: TYPES[extname(full)] ?? 'application/octet-stream',
        };
      }
    } catch {
      loaded = null;
    }
    // index.html and missing files are read again next time (a rebuild must show without a restart).
    if (loaded && rel.startsWith('/assets/')) cache.set(rel, loaded);
    return loaded;
  };

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(path);
    } catch {
      return next();
    }
    if (rel.includes('\0')) return next();
    const file = rel !== '/' && !rel.endsWith('/') ? await load(rel) : null;
    if (file) {
      c.header('content-type', file.type);
      c.header('cache-control', rel.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return method === 'HEAD' ? c.body(null) : c.body(file.body.slice());
    }
    // A missing hashed asset is a real 404, not the app shell.
    if (rel.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(rel)) return next();
    const index = await load('/index.html');
    c.header('cache-control', 'no-cache');
    if (!index) {
      return c.html(
        page(
          'lantu 蓝图',
          '<h1>蓝图 lantu</h1><p>网页工作台尚未构建。The web workspace has not been built: run <code>npm run build</code> (or <code>npm start</code>, which builds it).</p><p><a href="/api/docs">/api/docs</a></p>',
        ),
        503,
      );
    }
    c.header('content-type', index.type);
    return method === 'HEAD' ? c.body(null) : c.body(index.body.slice());
  };
}
