import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LANTU_BIN } from '../support/cli.ts';
import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, SIP_OUTLINE_PATH } from '../importers/support.ts';
const OUTLINE = SIP_OUTLINE_PATH;

describe.skipIf(!HAVE_SIP_OUTLINE)(`lantu output into a pipe${NEEDS_SIP_OUTLINE}`, () => {
  it('stops quietly when the reader closes early (no EPIPE stack trace)', async () => {
    const child = spawn(process.execPath, [LANTU_BIN, 'import', OUTLINE, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // read one chunk, then close our end like `| head -c 100` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(0);
  });
});
