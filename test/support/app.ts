import pino from 'pino';
import type { Db } from '../../src/db/db.types.ts';
import { createApp } from '../../src/server/app.ts';
import { seedIfEmpty } from '../../src/server/modules/datasets/dataset.service.ts';

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

export interface SeededApp {
  db: Db;
  dispose: () => Promise<void>;
  app: ReturnType<typeof testApp>;
  /** Each plan's id by its key (sip-14th, sip-13th, …). */
  planIds: Map<string, string>;
  /** The SIP 14th plan's id. */
  planId: string;
}

/** A test database seeded with the default dataset (data/sip-14th), and the real app over it. */
export async function seededApp(
  create: () => Promise<{ db: Db; dispose: () => Promise<void> }>,
): Promise<SeededApp> {
  const { db, dispose } = await create();
  return { db, dispose, ...(await seedAndServe(db)) };
}

/** Seeds `db` with the default dataset if it is empty, and the real app over it with the plans' ids. */
export async function seedAndServe(db: Db): Promise<Omit<SeededApp, 'db' | 'dispose'>> {
  await seedIfEmpty(db);
  const app = testApp(db);
  const plans = await getJson<{ items: { id: string; key: string }[] }>(app, '/api/plans');
  const planIds = new Map(plans.body.items.map((p) => [p.key, p.id]));
  return { app, planIds, planId: planIds.get('sip-14th')! };
}

/** An indicator as GET /api/plans/{id}/indicators lists it, with only what the tests read: its departments lead or share it. */
export interface PlanIndicator {
  id: string;
  code: string;
  departments: { code: string; role: string }[];
}

/** A plan's indicators as GET /api/plans/{id}/indicators lists them. */
export async function indicatorsOf<T>(app: ReturnType<typeof testApp>, planId: string): Promise<T[]> {
  return (await getJson<{ items: T[] }>(app, `/api/plans/${planId}/indicators`)).body.items;
}
