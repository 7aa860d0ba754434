import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/db.types.ts';
import { createApp } from '../../src/server/app.ts';
import { seedIfEmpty } from '../../src/server/modules/datasets/dataset.service.ts';

/** The real app over a test database, requests through app.request() without a socket. */
export function testApp(db: Db) {
  return createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });
}

export type TestApp = ReturnType<typeof testApp>;

/** How a test file gets a fresh database: `create` of one of `testDatabases`. */
export type CreateDb = () => Promise<{ db: Db; dispose: () => Promise<void> }>;

export async function getJson<T = unknown>(
  app: TestApp,
  path: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export interface SeededApp {
  db: Db;
  dispose: () => Promise<void>;
  app: TestApp;
  /** Each plan's id by its key (sip-14th, sip-13th, …). */
  planIds: Map<string, string>;
  /** The SIP 14th plan's id. */
  planId: string;
}

/** A test database seeded with the default dataset (data/sip-14th), and the real app over it. */
export async function seededApp(create: CreateDb): Promise<SeededApp> {
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
export async function indicatorsOf<T>(app: TestApp, planId: string): Promise<T[]> {
  return (await getJson<{ items: T[] }>(app, `/api/plans/${planId}/indicators`)).body.items;
}

/** What a describe block reads of its database and app once its beforeAll has run. */
export interface AppSuite {
  readonly db: Db;
  readonly app: TestApp;
}

/** An AppSuite over the default dataset, with the plans' ids (seededApp without dispose). */
export type SeededSuite = Readonly<Omit<SeededApp, 'dispose'>>;

/**
 * What `open` gives, for one describe block: call it in the block's body. It registers its own beforeAll (run
 * before the block's later ones) that opens, and afterAll (run after the block's others) that disposes. Read its
 * properties in hooks and tests only: a read before the beforeAll has run (at collection time) throws.
 */
export function suiteOf<T extends { dispose: () => Promise<void> }>(
  open: () => Promise<T>,
): Readonly<Omit<T, 'dispose'>> {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => opened?.dispose());
  const target: Partial<Omit<T, 'dispose'>> = {};
  return new Proxy(target as Omit<T, 'dispose'>, {
    get(_, key) {
      if (!opened) throw new Error(`test suite read (${String(key)}) before its beforeAll ran`);
      return Reflect.get(opened, key);
    },
  });
}

export interface DbSuiteOptions {
  /** Seed the default dataset first (seedIfEmpty), without looking up the plans. */
  seed?: boolean;
}

export interface AppSuiteOptions extends DbSuiteOptions {
  /** The app over the database, when a test needs other settings than testApp's. */
  app?: (db: Db) => TestApp;
}

async function openDb(create: CreateDb, options: DbSuiteOptions) {
  const opened = await create();
  if (options.seed) await seedIfEmpty(opened.db);
  return opened;
}

/** A fresh database for one describe block, for tests that need no app (see suiteOf). */
export function dbSuite(create: CreateDb, options: DbSuiteOptions = {}): { readonly db: Db } {
  return suiteOf(() => openDb(create, options));
}

/** A fresh database and the real app over it for one describe block (see suiteOf). */
export function appSuite(create: CreateDb, options: AppSuiteOptions = {}): AppSuite {
  return suiteOf(async () => {
    const { db, dispose } = await openDb(create, options);
    return { db, dispose, app: (options.app ?? testApp)(db) };
  });
}

/** seededApp for one describe block (see suiteOf): the default dataset, the app and the plans' ids. */
export function seededSuite(create: CreateDb): SeededSuite {
  return suiteOf(() => seededApp(create));
}
