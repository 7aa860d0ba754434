import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.ts';

export interface SeedUser {
  email: string;
  password: string;
  role: 'admin' | 'assessor' | 'department';
  /** The department code a department user belongs to. */
  department?: string;
}

/**
 * Creates `users` with `lantu user create` in the data folder `env` names, each checked to exit 0. The embedded
 * database takes one process at a time: no server may run on that folder meanwhile.
 */
export async function createUsers(users: readonly SeedUser[], env: NodeJS.ProcessEnv): Promise<void> {
  for (const u of users) {
    const args = ['user', 'create', '--email', u.email, '--password', u.password, '--role', u.role];
    const r = await runCli(u.department ? [...args, '--department', u.department] : args, env);
    expect(r.code, r.stderr).toBe(0);
  }
}

/**
 * A fresh data folder (`LANTU_DATA_DIR`) seeded with the SIP dataset by `lantu db seed`, with the given users
 * created by `lantu user create`, each step checked to exit 0.
 */
export async function seededDataDir(prefix: string, users: readonly SeedUser[]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const env = { LANTU_DATA_DIR: dataDir };
  const seed = await runCli(['db', 'seed'], env);
  expect(seed.code, seed.stderr).toBe(0);
  await createUsers(users, env);
  return dataDir;
}
