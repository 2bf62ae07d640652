import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../../src/store/postgres/open-postgres-storage.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../../support/postgres-test-database.js';

type Storage = Awaited<ReturnType<typeof openPostgresStorage>>;

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL update ledger', () => {
  let database: TestDatabase;
  const instances: Storage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Three instances on one database, as behind a load balancer.
    for (let i = 0; i < 3; i++) instances.push(await openPostgresStorage(database.url));
  });
  afterAll(async () => {
    for (const s of instances) await s.close();
    await database?.drop();
  });

  it('says true the first time an update is claimed, false after, per platform', async () => {
    const ledger = instances[0]!.updates!;
    expect(await ledger.claim('telegram', 500)).toBe(true);
    expect(await ledger.claim('telegram', 500)).toBe(false);
    expect(await ledger.claim('telegram', 501)).toBe(true);
    expect(await ledger.claim('discord', 500)).toBe(true);
  });

  it('keeps Discord interaction ids (64-bit snowflakes) apart when they differ only past 2^53', async () => {
    const ledger = instances[0]!.updates!;
    const id = 1_234_567_890_123_456_789n;
    expect(await ledger.claim('discord', id)).toBe(true);
    expect(await ledger.claim('discord', id + 1n)).toBe(true);
    expect(await ledger.claim('discord', id)).toBe(false);
  });

  it('gives one update delivered to three instances at once to exactly one of them', async () => {
    for (let id = 1000; id < 1020; id++) {
      const wins = await Promise.all(instances.map((s) => s.updates!.claim('telegram', id)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    }
  });
});
