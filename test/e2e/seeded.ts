import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../support/cli.ts';

export interface SeedUser {
  email: string;
  password: string;
  role: 'admin' | 'assessor' | 'department';
  department?: string;
}

/** A fresh data directory with the SIP dataset seeded and the given accounts created through the CLI. */
export async function seededDataDir(prefix: string, users: readonly SeedUser[]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const env = { LANTU_DATA_DIR: dataDir };
  const seed = await runCli(['db', 'seed'], env);
  expect(seed.code, seed.stderr).toBe(0);
  for (const u of users) {
    const args = ['user', 'create', '--email', u.email, '--password', u.password, '--role', u.role];
    const r = await runCli(u.department ? [...args, '--department', u.department] : args, env);
    expect(r.code, r.stderr).toBe(0);
  }
  return dataDir;
}
