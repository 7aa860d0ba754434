import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LantuError } from '../domain/errors.ts';
import { lockDataDir, type LockHolder } from './data-dir-lock.ts';
import type { Db } from './db.types.ts';
import { openPglite } from './pglite.driver.ts';
import { openPostgres } from './postgres.driver.ts';

export interface ConnectOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Who holds the embedded data directory while it is open (data-dir-lock.ts); default: this command. */
  holder?: LockHolder;
}

/** Opens PostgreSQL when a URL is given, the embedded PGlite in `dataDir` otherwise; verifies it answers. */
export async function connect(options: ConnectOptions): Promise<Db> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl)
    : connectPglite(options.dataDir, options.holder ?? { kind: 'command', name: commandName() });
}

/** `lantu user create`, `lantu db seed`, …: the words of the command line before its first option. */
function commandName(): string {
  const words = process.argv.slice(2);
  const end = words.findIndex((w) => w.startsWith('-'));
  return ['lantu', ...(end === -1 ? words : words.slice(0, end)).slice(0, 2)].join(' ');
}

async function connectPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LantuError('config_invalid', {
      zh: 'DATABASE_URL 不是有效的网址（应为 postgres://用户@主机:端口/库名）',
      en: 'DATABASE_URL is not a valid URL (expected postgres://user@host:port/db)',
    });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new LantuError('config_invalid', {
      zh: `DATABASE_URL 须以 postgres:// 开头（实际为 ${parsed.protocol}//）`,
      en: `DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`,
    });
  }
  const db = openPostgres({ connectionString: url });
  try {
    await db.query('SELECT 1');
  } catch (e) {
    await db.close().catch(() => undefined);
    const where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
    throw new LantuError('db_unavailable', {
      zh: `无法连接 ${where} 上的 PostgreSQL：${reason(e)}`,
      en: `Cannot connect to PostgreSQL at ${where}: ${reason(e)}`,
    });
  }
  return db;
}

async function connectPglite(dataDir: string, holder: LockHolder): Promise<Db> {
  const dir = resolve(dataDir);
  try {
    ensureDir(dir);
    // A real write, not access(): root passes permission checks but not a read-only mount.
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new LantuError('config_invalid', {
      zh: `LANTU_DATA_DIR ${dir} 不可写入：${reason(e)}`,
      en: `LANTU_DATA_DIR ${dir} is not writable: ${reason(e)}`,
    });
  }
  const lock = lockDataDir(dir, holder);
  try {
    const db = await openPglite(dir);
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw new LantuError('db_unavailable', {
      zh: `无法打开 ${dir} 中的内置数据库：${reason(e)}`,
      en: `Cannot open the embedded database in ${dir}: ${reason(e)}`,
    });
  }
}

function reason(e: unknown): string {
  if (e instanceof Error) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    return code && !e.message.includes(code) ? `${code} ${e.message}` : e.message;
  }
  return String(e);
}

/** mkdir -p one level at a time: Node's recursive mkdir spins forever under /proc. */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  mkdirSync(dir);
}
