import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Leases } from '../../src/core/ports/leases.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { createLeaseKeeper, type LeaseKeeper } from '../../src/scheduler/create-lease-keeper.js';
import { createSqliteLeases } from '../../src/store/create-sqlite-leases.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';

const logger = createLogger('silent');
const TTL_MS = 300;

/** A keeper whose job records when it runs; `started`/`stopped` resolve on the next change. */
function keeper(leases: Leases, holder: string) {
  const events: string[] = [];
  let waiting: { what: string; resolve: () => void } | null = null;
  const note = (what: string) => {
    events.push(what);
    if (waiting?.what === what) waiting.resolve();
  };
  const k: LeaseKeeper = createLeaseKeeper({
    leases,
    name: 'job',
    holder,
    ttlMs: TTL_MS,
    onAcquire: () => note('start'),
    onRelease: () => note('stop'),
    logger,
  });
  const next = (what: string) =>
    new Promise<void>((resolve) => {
      waiting = { what, resolve };
    });
  return { k, events, next };
}

describe('lease keeper', () => {
  let dir: string;
  let dbs: Db[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-keeper-'));
    dbs = [openDatabase(join(dir, 'db.sqlite')), openDatabase(join(dir, 'db.sqlite'))];
  });
  afterEach(() => {
    for (const db of dbs) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the job on one of two instances; a clean stop hands it to the other', async () => {
    const a = keeper(createSqliteLeases(dbs[0]!), 'a');
    const b = keeper(createSqliteLeases(dbs[1]!), 'b');
    const aStarted = a.next('start');
    a.k.start();
    await aStarted;
    const bStarted = b.next('start');
    b.k.start();
    // b asks every TTL/3 and is refused while a renews: several rounds pass.
    await new Promise((r) => setTimeout(r, TTL_MS * 2));
    expect(b.events).toEqual([]);
    expect(a.k.held()).toBe(true);
    await a.k.stop();
    expect(a.events).toEqual(['start', 'stop']);
    await bStarted;
    expect(b.k.held()).toBe(true);
    await b.k.stop();
    expect(b.events).toEqual(['start', 'stop']);
  });

  it('stops the job when renewals fail, before the lease could have run out', async () => {
    let down = false;
    const real = createSqliteLeases(dbs[0]!);
    const flaky: Leases = {
      acquire: (...args) => (down ? Promise.reject(new Error('database unreachable')) : real.acquire(...args)),
      release: (...args) => real.release(...args),
    };
    const a = keeper(flaky, 'a');
    const started = a.next('start');
    a.k.start();
    await started;
    const stopped = a.next('stop');
    down = true;
    await stopped;
    expect(a.k.held()).toBe(false);
    await a.k.stop();
  });
});
