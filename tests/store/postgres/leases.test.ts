import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/core/ports/storage.js';
import { openPostgresStorage } from '../../../src/store/postgres/open-postgres-storage.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../../support/postgres-test-database.js';

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL leases', () => {
  let database: TestDatabase;
  const instances: Storage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 3; i++) instances.push(await openPostgresStorage(database.url));
  });
  afterAll(async () => {
    for (const s of instances) await s.close();
    await database?.drop();
  });

  it('gives a free lease asked for by three instances at once to exactly one', async () => {
    for (let round = 0; round < 10; round++) {
      const name = `job-${round}`;
      const wins = await Promise.all(instances.map((s, i) => s.leases.acquire(name, `i${i}`, 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    }
  });

  it('renews for its holder, refuses others until it expires or is released', async () => {
    const [a, b] = [instances[0]!.leases, instances[1]!.leases];
    expect(await a.acquire('poll', 'a', 60_000)).toBe(true);
    expect(await a.acquire('poll', 'a', 60_000)).toBe(true);
    expect(await b.acquire('poll', 'b', 60_000)).toBe(false);
    await a.release('poll', 'a');
    expect(await b.acquire('poll', 'b', 1)).toBe(true);
    // Held for 1 ms (by the database's clock): then it is anyone's.
    await new Promise((r) => setTimeout(r, 20));
    expect(await a.acquire('poll', 'a', 60_000)).toBe(true);
  });
});
