import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../pglite.driver.ts';
import { systemRepository } from './system.repository.ts';

describe('systemRepository.ping on the embedded database', () => {
  const opened = openPglite(null);
  afterAll(async () => (await opened).close());

  it('answers while a long transaction runs, where a plain statement waits for its commit', async () => {
    const db = await opened;
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = db.transaction(async (q) => {
      await q.query('SELECT 1');
      inside();
      await held;
    });
    await entered;
    expect(db.busy?.()).toBe(true);

    let queried = false;
    const plain = db.query('SELECT 1').then(() => (queried = true));
    await systemRepository.ping(db);
    expect(queried).toBe(false); // the SELECT still waits for the transaction

    commit();
    await tx;
    await plain;
    expect(db.busy?.()).toBe(false);
    await systemRepository.ping(db); // idle: a real round trip
  });

  it('does not wait for a transaction asked for just before it and not yet started by the engine', async () => {
    // The strict parse-stall run found a health check that saw no transaction, then waited 3 s for a save
    // whose transaction was asked for in the same turn: busy() must hold from the moment one is asked for.
    const db = await opened;
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    const tx = db.transaction(async () => held);
    expect(db.busy?.()).toBe(true);
    let pinged = false;
    const ping = systemRepository.ping(db).then(() => (pinged = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(pinged).toBe(true);
    commit();
    await tx;
    await ping;
  });
});
