import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The same step `npm start` runs: build dist/web when it is missing or older than src/web. */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ['src/web/tools/prestart.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(`${REPO}dist/web/index.html`)) throw new Error('web build failed');
}
