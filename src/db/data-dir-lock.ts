import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LantuError } from '../domain/errors.ts';

/**
 * PGlite is one process's database: a second process opening the same directory neither sees the first one's
 * writes (a user created beside a running server could not log in) nor is safe (two writers corrupt it). So
 * whoever opens an embedded data directory holds `lantu.lock` in it for as long as it is open: `lantu serve`
 * for its lifetime, a command for its run. PostgreSQL needs none of this.
 */
export const LOCK_FILE = 'lantu.lock';

/** Who holds the directory: the server, or a one-off command (named in messages). */
export type LockHolder = { kind: 'serve' } | { kind: 'command'; name: string };

interface LockRecord {
  pid: number;
  kind: 'serve' | 'command';
  name: string;
  host: string;
  since: string;
  token: string;
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Lock files this process holds, so a restarted process that was given a dead holder's pid is not fooled. */
const held = new Map<string, string>();

export const SERVE_RUNNING_MESSAGE = {
  zh: 'lantu serve 正在使用此数据目录：请先停止服务，或在网页管理端操作',
  en: 'lantu serve is running on this data directory; stop it or use the web admin',
};

export function lockDataDir(dir: string, holder: LockHolder): DataDirLock {
  const path = join(dir, LOCK_FILE);
  const record: LockRecord = {
    pid: process.pid,
    kind: holder.kind,
    name: holder.kind === 'serve' ? 'lantu serve' : holder.name,
    host: hostname(),
    since: new Date().toISOString(),
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  };
  // Two rounds: the second follows the removal of a stale lock.
  for (let round = 0; round < 2; round++) {
    try {
      writeFileSync(path, JSON.stringify(record), { flag: 'wx', mode: 0o644 });
      return hold(path, record.token);
    } catch (e) {
      if (!isCode(e, 'EEXIST')) throw e;
    }
    const other = readLock(path);
    if (other && isAlive(other, path)) throw busy(other, dir);
    if (!other && justWritten(path))
      throw new LantuError('conflict', {
        zh: `另一个 lantu 进程正在打开 ${dir}，请稍后再试`,
        en: `Another lantu process is opening ${dir} right now; try again`,
      });
    // The holder died without releasing (kill -9, power loss): the lock is stale.
    rmSync(path, { force: true });
  }
  const other = readLock(path);
  throw other
    ? busy(other, dir)
    : new LantuError('conflict', { zh: `无法锁定 ${path}`, en: `Cannot lock ${path}` });
}

/**
 * Refuses early, without taking the lock, when a live process holds `dir` — for a command that would do long
 * work (read and parse an outline) before it opens the database. Opening still takes the lock.
 */
export function assertDataDirFree(dir: string): void {
  const path = join(dir, LOCK_FILE);
  const other = readLock(path);
  if (other && isAlive(other, path)) throw busy(other, dir);
}

function hold(path: string, token: string): DataDirLock {
  held.set(path, token);
  const release = () => {
    if (held.get(path) !== token) return;
    held.delete(path);
    // Only our own file: never remove a lock someone took after a stale-lock break.
    if (readLock(path)?.token === token) rmSync(path, { force: true });
    process.off('exit', release);
  };
  // A process that exits without closing the database (an uncaught error) still frees the directory.
  process.on('exit', release);
  return { release };
}

function busy(other: LockRecord, dir: string): LantuError {
  if (other.kind === 'serve')
    return new LantuError('conflict', SERVE_RUNNING_MESSAGE, { dir, pid: other.pid });
  return new LantuError(
    'conflict',
    {
      zh: `${other.name}（进程 ${other.pid}）正在使用此数据目录，请等它结束`,
      en: `${other.name} (pid ${other.pid}) is using this data directory; wait for it to finish`,
    },
    { dir, pid: other.pid },
  );
}

function readLock(path: string): LockRecord | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof raw.pid !== 'number' || (raw.kind !== 'serve' && raw.kind !== 'command')) return null;
    return {
      pid: raw.pid,
      kind: raw.kind,
      name: typeof raw.name === 'string' ? raw.name : 'lantu',
      host: typeof raw.host === 'string' ? raw.host : '',
      since: typeof raw.since === 'string' ? raw.since : '',
      token: typeof raw.token === 'string' ? raw.token : '',
    };
  } catch {
    return null; // gone meanwhile, or not ours to understand: treated as stale
  }
}

/** Whether the recorded holder still runs. Our own pid counts only if this process really holds the file. */
function isAlive(other: LockRecord, path: string): boolean {
  if (other.pid === process.pid) return held.get(path) === other.token;
  try {
    process.kill(other.pid, 0);
  } catch (e) {
    return isCode(e, 'EPERM'); // exists, another user's process
  }
  // A container restart may hand the dead holder's pid to an unrelated process: only a node/lantu one counts.
  try {
    const cmdline = readFileSync(`/proc/${other.pid}/cmdline`, 'utf8');
    return /node|lantu/i.test(cmdline);
  } catch {
    return true; // no /proc to ask: believe the pid
  }
}

/** An unreadable lock file younger than a few seconds is probably being written by its holder. */
function justWritten(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 3000;
  } catch {
    return false;
  }
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === code;
}
