import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startServe } from '../support/cli.ts';
import type { Serve } from '../support/e2e-server.ts';
import { seededDataDir, type SeedUser } from '../support/seeded-data-dir.ts';
import { ensureWebBuilt, launch } from './browser.ts';

/** What most browser tests start before their first step: a seeded data folder, `lantu serve` on it, Chromium. */
export interface Site {
  dataDir: string;
  server: Serve;
  browser: Browser;
}

/**
 * Builds the web when it is stale, seeds a fresh data folder with `users` (seededDataDir), starts `lantu serve` on
 * it with `serveEnv` added to its environment, and launches Chromium.
 */
export async function startSite(
  prefix: string,
  users: readonly SeedUser[],
  serveEnv: NodeJS.ProcessEnv = {},
): Promise<Site> {
  ensureWebBuilt();
  const dataDir = await seededDataDir(prefix, users);
  // waits up to 180 s: a loaded machine starts slowly
  const server = await startServe({ LANTU_DATA_DIR: dataDir, ...serveEnv });
  return { dataDir, server, browser: await launch() };
}

/** Closes what startSite (or a test's own setup: a server started in-process too) started, whatever part of it
 * did start; the data folder goes. */
export async function stopSite(site: {
  dataDir?: string;
  server?: { stop(): Promise<unknown> };
  browser?: Browser;
}): Promise<void> {
  await site.browser?.close();
  await site.server?.stop();
  if (site.dataDir) rmSync(site.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
