import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANTU_BIN, runCli } from '../support/cli.ts';

/** Runs `lantu serve` until it is listening and has had a moment to print hints; returns its stdout. */
function serveOutput(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LANTU_BIN, 'serve'], {
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let stopping = false;
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 90_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!stopping && /running at/.test(out)) {
        stopping = true;
        // the hint follows the listening line; give it a moment, then stop
        setTimeout(() => child.kill('SIGTERM'), 1500);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (stopping) resolve(out);
      else reject(new Error(`serve exited early: ${err}`));
    });
  });
}

describe('lantu serve without an admin', () => {
  it(
    'prints how to create the first admin, never a password, until one exists',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lantu-hint-'));
      try {
        const first = await serveOutput({ LANTU_DATA_DIR: dir });
        const hints = first.split('\n').filter((l) => l.includes('lantu user create'));
        expect(hints).toHaveLength(1);
        expect(hints[0]).toContain('--role admin');
        expect(hints[0]).not.toMatch(/password\s+(?!'…')\S+/);

        const created = await runCli(
          [
            'user',
            'create',
            '--email',
            'office@test.example',
            '--password',
            'a long enough secret',
            '--role',
            'admin',
          ],
          { LANTU_DATA_DIR: dir },
        );
        expect(created.code).toBe(0);
        const second = await serveOutput({ LANTU_DATA_DIR: dir });
        expect(second).toContain('running at');
        expect(second).not.toContain('lantu user create');
      } finally {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a stopped PGlite may still be closing files
      }
    },
  );
});
