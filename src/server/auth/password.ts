import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (≈ 70 ms here). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account doesn't exist, so timing doesn't reveal which emails exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  return (dummy ??= hash('not-a-real-password'));
}
