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

/** An AppSuite over the default dataset, with the plans' ids. */
export interface SeededSuite extends AppSuite {
  /** Each plan's id by its key (sip-14th, sip-13th, …). */
  readonly planIds: Map<string, string>;
  /** The SIP 14th plan's id. */
  readonly planId: string;
}

/**
 * Registers the beforeAll that opens what `open` gives and the afterAll that disposes of it; reads before the
 * beforeAll has run (at collection time) throw, so a test never sees a half-built suite.
 */
function registered<T>(open: () => Promise<{ value: T; dispose: () => Promise<void> }>): () => T {
  let opened: { value: T; dispose: () => Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => opened?.dispose());
  return () => {
    if (!opened) throw new Error('test suite read before its beforeAll ran');
    return opened.value;
  };
}

export interface AppSuiteOptions {
  /** Seed the default dataset first (seedIfEmpty), without looking up the plans. */
  seed?: boolean;
  /** The app over the database, when a test needs other settings than testApp's. */
  app?: (db: Db) => TestApp;
}

/**
 * A fresh database and the real app over it for one describe block: call it in the block's body; it registers
 * its own beforeAll (run before the block's later ones) and afterAll (run after them).
 */
export function appSuite(create: CreateDb, options: AppSuiteOptions = {}): AppSuite {
  const get = registered(async () => {
    const { db, dispose } = await create();
    if (options.seed) await seedIfEmpty(db);
    return { value: { db, app: (options.app ?? testApp)(db) }, dispose };
  });
  return {
    get db() {
      return get().db;
    },
    get app() {
      return get().app;
    },
  };
}

/** appSuite over the default dataset (as seededApp), exposing the plans' ids too. */
export function seededSuite(create: CreateDb): SeededSuite {
  const get = registered(async () => {
    const { dispose, ...value } = await seededApp(create);
    return { value, dispose };
  });
  return {
    get db() {
      return get().db;
    },
    get app() {
      return get().app;
    },
    get planIds() {
      return get().planIds;
    },
    get planId() {
      return get().planId;
    },
  };
}
