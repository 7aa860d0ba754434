import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLantuError } from '../domain/errors.ts';
import { LOCK_FILE, lockDataDir, SERVE_RUNNING_MESSAGE } from './data-dir-lock.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'lantu-lockunit-')));
const writeLock = (pid: number, kind = 'serve') =>
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, kind, name: 'lantu serve', token: 'other' }));

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isLantuError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'taken';
}

describe('data directory lock', () => {
  it('a second holder in the same process is refused until the first releases', () => {
    fresh();
    const lock = lockDataDir(dir, { kind: 'serve' });
    expect(refusal(() => lockDataDir(dir, { kind: 'command', name: 'lantu user create' }))).toBe(
      `conflict: ${SERVE_RUNNING_MESSAGE.en} ${SERVE_RUNNING_MESSAGE.zh}`,
    );
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir, { kind: 'command', name: 'lantu db seed' }).release();
  });

  it('names a running command holder and asks to wait', async () => {
    fresh();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((r) => child.once('spawn', r));
      writeLock(child.pid!, 'command');
      const json = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { name: string };
      json.name = 'lantu restore';
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify(json));
      expect(refusal(() => lockDataDir(dir, { kind: 'serve' }))).toMatch(
        new RegExp(`^conflict: lantu restore \\(pid ${child.pid}\\) is using this data directory`),
      );
    } finally {
      child.kill();
    }
  });

  it('a lock whose process is gone, or that carries our own pid without our token, is stale', async () => {
    fresh();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((r) => child.once('exit', () => r(child.pid!)));
    writeLock(pid);
    lockDataDir(dir, { kind: 'serve' }).release();
    writeLock(process.pid); // a restarted container gets the dead server's pid
    const lock = lockDataDir(dir, { kind: 'serve' });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('release never removes a lock someone else took', () => {
    fresh();
    const lock = lockDataDir(dir, { kind: 'command', name: 'lantu db seed' });
    writeLock(process.pid); // as if broken and retaken
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
