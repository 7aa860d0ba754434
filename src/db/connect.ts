import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LantuError } from '../domain/errors.ts';
import type { Db } from './db.types.ts';
import { openPglite } from './pglite.driver.ts';
import { openPostgres } from './postgres.driver.ts';

export interface ConnectOptions {
  databaseUrl: string | null;
  dataDir: string;
}

/** Opens PostgreSQL when a URL is given, the embedded PGlite in `dataDir` otherwise; verifies it answers. */
export async function connect(options: ConnectOptions): Promise<Db> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectPglite(options.dataDir);
}

async function connectPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LantuError(
      'config_invalid',
      'DATABASE_URL is not a valid URL (expected postgres://user@host:port/db)',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new LantuError(
      'config_invalid',
      `DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`,
    );
  }
  const db = openPostgres({ connectionString: url });
  try {
    await db.query('SELECT 1');
  } catch (e) {
    await db.close().catch(() => undefined);
    const where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
    throw new LantuError('db_unavailable', `Cannot connect to PostgreSQL at ${where}: ${reason(e)}`);
  }
  return db;
}

async function connectPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  try {
    ensureDir(dir);
    // A real write, not access(): root passes permission checks but not a read-only mount.
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new LantuError('config_invalid', `LANTU_DATA_DIR ${dir} is not writable: ${reason(e)}`);
  }
  try {
    return await openPglite(dir);
  } catch (e) {
    throw new LantuError('db_unavailable', `Cannot open the embedded database in ${dir}: ${reason(e)}`);
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
