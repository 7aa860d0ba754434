import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansRepository } from '../../src/db/repositories/plans.repository.ts';
import type { SessionUser } from '../../src/domain/user.ts';
import { assessDepartments } from '../../src/server/modules/assessment/assessment.service.ts';
import { seedIfEmpty } from '../../src/server/modules/datasets/dataset.service.ts';
import { testDatabases } from '../support/databases.ts';
import { dbSuite } from '../support/app.ts';

const postgres = testDatabases.find((d) => d.kind === 'postgres');

/**
 * pg deprecates a second client.query() while the client is still executing one (it will throw in pg 9): a
 * transaction's connection must get its statements one at a time even when a service starts several at once.
 */
describe.runIf(postgres)('a PostgreSQL transaction runs its statements one at a time', () => {
  const s = dbSuite(() => postgres!.create());
  const original = pg.Client.prototype.query;
  let inFlight = new Map<pg.Client, number>();
  let most = 0;

  beforeAll(() => {
    // count the statements each connection is executing at once (pool.query's own clients included)
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const n = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, n);
      most = Math.max(most, n);
      const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      const out = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (out instanceof Promise) void out.then(done, done);
      else done();
      return out;
    } as typeof original;
  });
  afterAll(() => {
    pg.Client.prototype.query = original;
  });

  const reset = () => {
    inFlight = new Map();
    most = 0;
  };

  it('keeps the order and each result; after a failed statement the queue goes on to PostgreSQL’s refusal', async () => {
    reset();
    const out = await s.db
      .transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE seq (n int) ON COMMIT DROP');
        return Promise.allSettled([
          tx.query(`SELECT pg_sleep(0.05), 1 AS n`),
          tx.query(`INSERT INTO seq VALUES (2) RETURNING n`),
          tx.query(`SELECT * FROM no_such_table`),
          tx.query(`SELECT count(*)::int AS n FROM seq`),
        ]);
      })
      .catch((e: unknown) => e);
    // the failed statement aborts the transaction (PostgreSQL's rule): the statements after it are refused too
    expect(out).toBeInstanceOf(Array);
    const settled = out as PromiseSettledResult<{ n: number }[]>[];
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect((settled[0] as PromiseFulfilledResult<{ n: number }[]>).value[0]!.n).toBe(1);
    expect((settled[1] as PromiseFulfilledResult<{ n: number }[]>).value).toEqual([{ n: 2 }]);
    expect(String((settled[3] as PromiseRejectedResult).reason)).toMatch(/current transaction is aborted/);
    expect(most).toBe(1);
  });

  it('the department assessment inside a transaction: same scores as on the pool, one statement at a time', async () => {
    await seedIfEmpty(s.db);
    const plan = (await s.db.query<{ id: string }>(`SELECT id FROM plans WHERE key = 'sip-14th'`))[0]!;
    expect(await plansRepository.findById(s.db, plan.id)).not.toBeNull();
    const office: SessionUser = {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'office@sip.example',
      displayName: null,
      role: 'admin',
      locale: 'zh-CN',
      departments: [],
    };
    const q = { year: 2023, asOf: '2024-12-31' };
    const onPool = await assessDepartments(s.db, office, plan.id, q);
    reset();
    const inTx = await s.db.transaction((tx) => assessDepartments(tx, office, plan.id, q));
    expect(most).toBe(1);
    expect(inTx.departments.length).toBeGreaterThan(1);
    expect(inTx.departments.map((d) => [d.department.code, d.score])).toEqual(
      onPool.departments.map((d) => [d.department.code, d.score]),
    );
  });
});
