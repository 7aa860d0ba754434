import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.driver.ts';
import type { Db } from '../../src/db/db.types.ts';

const url = process.env.TEST_DATABASE_URL;

/**
 * A TCP relay to PostgreSQL that can hold the server's bytes back and then deliver them in one chunk, as a
 * busy network does. It lets a test make the client read "ready for query" and "terminating connection" in one
 * parse — the moment a pooled client is handed to its caller with nobody listening for its errors yet.
 */
class HoldingRelay {
  hold = false;
  private held: Buffer[] = [];
  private upstreamEnded = false;
  private downstream: Socket | null = null;
  readonly server: Server;

  constructor(target: URL) {
    this.server = createServer((down) => {
      this.downstream = down;
      const up = netConnect(Number(target.port || 5432), target.hostname);
      down.on('data', (d) => up.write(d));
      down.on('error', () => up.destroy());
      down.on('close', () => up.destroy());
      up.on('data', (d) => (this.hold ? this.held.push(d) : down.write(d)));
      up.on('error', () => down.destroy());
      up.on('end', () => {
        this.upstreamEnded = true;
        if (!this.hold) down.end();
      });
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)),
    );
  }

  get upstreamClosed(): boolean {
    return this.upstreamEnded;
  }

  /** Everything held back, as one write; then the end of the stream if the server ended it. */
  release(): void {
    this.hold = false;
    const down = this.downstream!;
    down.write(Buffer.concat(this.held));
    this.held = [];
    if (this.upstreamEnded) down.end();
    this.upstreamEnded = false;
  }
}

describe.runIf(url)('the PostgreSQL driver when the server terminates a connection (57P01)', () => {
  let admin: Db;
  let relay: HoldingRelay;
  let db: Db;
  const appName = `lantu_term_${process.pid}`;

  beforeAll(async () => {
    admin = openPostgres({ connectionString: url!, max: 1 });
    relay = new HoldingRelay(new URL(url!));
    const port = await relay.listen();
    const u = new URL(url!);
    u.host = `127.0.0.1:${port}`;
    u.searchParams.set('application_name', appName);
    db = openPostgres({ connectionString: u.toString(), max: 1 });
  });
  afterAll(async () => {
    await db?.close();
    await admin?.close();
    relay?.server.close();
  });

  const waitFor = async (what: string, check: () => Promise<boolean> | boolean) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('a client terminated in the same chunk that hands it to a transaction fails that transaction, not the process', async () => {
    relay.hold = true;
    const tx = db.transaction((q) => q.query('SELECT 1'));
    const outcome = tx.then(
      () => 'committed',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    // the backend has finished its start-up (its answer is held in the relay): terminate it
    await waitFor('the backend', async () => {
      const rows = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'`,
        [appName],
      );
      return rows.length === 1;
    });
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
      appName,
    ]);
    await waitFor('PostgreSQL closing the connection', () => relay.upstreamClosed);
    relay.release(); // ReadyForQuery + FATAL 57P01 in one chunk: on the old driver an unhandled 'error' here
    expect(await outcome).toMatch(/terminat|not queryable/i);
    // the broken client was destroyed, not pooled: the next query gets a fresh connection
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('a client terminated while idle inside a transaction: the transaction fails, the pool recovers', async () => {
    const outcome = db
      .transaction(async (q) => {
        await q.query('SELECT 1');
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
          [appName],
        );
        await new Promise((r) => setTimeout(r, 200)); // the FATAL arrives while no query runs
        await q.query('SELECT 2');
      })
      .then(
        () => 'committed',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    expect(await outcome).toMatch(/terminat|not queryable/i);
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('an idle pooled client terminated between queries is replaced', async () => {
    await db.query('SELECT 1');
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
      appName,
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
