import pino from 'pino';
import type { Db } from '../../src/db/db.types.ts';
import { createApp } from '../../src/server/app.ts';

/** The real app over a test database, requests through app.request() without a socket. */
export function testApp(db: Db) {
  return createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });
}

export async function getJson<T = unknown>(
  app: ReturnType<typeof testApp>,
  path: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
