import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.ts';
import { serveWeb } from './static.ts';

function appWith(root: string) {
  const app = new Hono<AppEnv>();
  app.get('/api/ping', (c) => c.json({ ok: true }));
  app.use('*', serveWeb(root));
  app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  return app;
}

describe('serveWeb', () => {
  const root = mkdtempSync(join(tmpdir(), 'lantu-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>蓝图</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'no');
  const app = appWith(root);

  it('serves index.html for / and for client routes, never cached', async () => {
    for (const path of ['/', '/plan/123', '/indicators/abc', '/screen']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('蓝图');
    }
  });

  it('serves hashed assets with a long immutable cache and the right type', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('leaves /api alone and 404s missing files instead of returning the shell', async () => {
    expect(await (await app.request('/api/ping')).json()).toEqual({ ok: true });
    expect((await app.request('/api/nothing')).status).toBe(404);
    expect((await app.request('/assets/gone-123.js')).status).toBe(404);
    expect((await app.request('/robots.txt')).status).toBe(404);
  });

  it('never reads outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00']) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toBe('no');
    }
  });

  it('explains itself when the bundle is not built', async () => {
    const res = await appWith(join(root, 'missing')).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('answers HEAD without a body', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
