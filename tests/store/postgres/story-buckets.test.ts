import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analysis/analyze-article.js';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';
import { openPostgresStorage } from '../../../src/store/postgres/open-postgres-storage.js';
import { FIXTURE_CORPUS } from '../../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../../support/postgres-test-database.js';

type Storage = Awaited<ReturnType<typeof openPostgresStorage>>;

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL story buckets', () => {
  let database: TestDatabase;
  let storage: Storage;

  beforeAll(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage(database.url);
    const file = readdirSync(FIXTURE_CORPUS).filter((f) => f.endsWith('.txt'))[0]!;
    const text = readFileSync(join(FIXTURE_CORPUS, file), 'utf8');
    // The same article under two ids: a copy, as a second source publishes it.
    await storage.writer!.transaction(async () => {
      for (const id of ['copy-a', 'copy-b'])
        await storage.writer!.upsertArticle(`${id}.txt`, `hash-${id}`, analyzeArticle(parseArticle(id, text)));
    });
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('lists the buckets copies share by row number, as a full index groups them (bulk grouping)', async () => {
    const nums = (await storage.stories.pending()).map((a) => a.num).sort((a, b) => a - b);
    const buckets = await storage.stories.sharedBuckets();
    expect(buckets.length).toBeGreaterThan(0);
    for (const bucket of buckets) expect(bucket).toEqual(nums);
  });
});
