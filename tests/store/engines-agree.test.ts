import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/app/open-storage.js';
import { indexCorpus } from '../../src/core/indexing/index-corpus.js';
import type { Storage } from '../../src/core/ports/storage.js';
import { buildDigest } from '../../src/core/services/build-digest.js';
import { findQuotes } from '../../src/core/services/find-quotes.js';
import { searchArticles } from '../../src/core/services/search-articles.js';
import { summarize } from '../../src/core/services/summarize.js';
import { createFileCorpusSource } from '../../src/ingest/create-file-corpus-source.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../support/postgres-test-database.js';

/** Queries a reader would type: names in several spellings, topics, one and several words. */
const QUERIES = [
  'بوتين',
  'بوتن',
  'Putin',
  'بيونغ يانغ',
  'بيونغيانغ',
  'كيم جونغ أون',
  'زيلينسكي',
  'قمة بريكس',
  'صَوَّتَ البرلمان',
  'الحرب في أوكرانيا',
  'كوريا الشمالية',
  'معاهدة دفاعية',
  'الطاقة والحبوب',
  'جنود',
  'الكرملين',
];

/** Queries whose best article is clear (the words are in its title or only in it): the same first on both. */
const TOPICS = ['قمة بريكس', 'صَوَّتَ البرلمان', 'معاهدة دفاعية', 'زيلينسكي', 'كوريا الشمالية', 'الكرملين'];

/**
 * The same seed corpus on both engines gives the same answers: every search finds the
 * same stories and counts them alike, a clear best article comes first on both, and
 * quotes, people, summaries, latest and digest are equal. The order of articles that all
 * mention a name in their bodies may differ: SQLite's bm25 prefers the one repeating it
 * most, PostgreSQL's rank counts each part once, then prefers the shorter article (see
 * create-postgres-article-index.ts).
 */
describe.skipIf(!TEST_DATABASE_URL)('SQLite and PostgreSQL agree on the seed corpus', { timeout: 60_000 }, () => {
  let dir: string;
  let database: TestDatabase;
  let sqlite: Storage;
  let postgres: Storage;
  const index = async (storage: Storage) =>
    indexCorpus({
      source: createFileCorpusSource(join(dir, 'corpus')),
      writer: storage.writer!,
      stories: storage.stories,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-agree-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    database = await createTestDatabase();
    const now = () => new Date('2026-01-01T00:00:00Z');
    sqlite = await openStorage(join(dir, 'nashra.sqlite'), { now });
    postgres = await openStorage(database.url, { now });
    expect(await index(postgres)).toEqual(await index(sqlite));
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const both = (q: string) => Promise.all([sqlite, postgres].map((s) => searchArticles(s.index, q, { limit: 20 })));
  const ids = (page: Awaited<ReturnType<typeof searchArticles>>) => page.results.map((x) => x.id);

  it.each(QUERIES)('search %s finds the same stories', async (q) => {
    const [a, b] = await both(q);
    expect(new Set(ids(b!))).toEqual(new Set(ids(a!)));
    expect(b!.total).toBe(a!.total);
  });

  it.each(TOPICS)('search %s puts the same article first', async (q) => {
    const [a, b] = await both(q);
    expect(ids(b!)[0]).toBe(ids(a!)[0]);
  });

  it('quotes, people, summaries, latest and digest are the same', async () => {
    const people = await sqlite.index.people(500, 0);
    expect(await postgres.index.people(500, 0)).toEqual(people);
    for (const p of people) {
      const [a, b] = await Promise.all([sqlite, postgres].map((s) => findQuotes(s.index, p.name, { limit: 50 })));
      expect(b, p.name).toEqual(a);
    }
    for (const a of await sqlite.index.latest(10, 0)) {
      expect(await summarize(postgres.index, a.id), a.id).toEqual(await summarize(sqlite.index, a.id));
    }
    expect(await postgres.index.latest(10, 0)).toEqual(await sqlite.index.latest(10, 0));
    expect(await buildDigest(postgres.index, { limit: 10 })).toEqual(await buildDigest(sqlite.index, { limit: 10 }));
    for (const topic of ['معاهدة دفاعية', 'قمة بريكس'])
      expect(await summarize(postgres.index, topic), topic).toEqual(await summarize(sqlite.index, topic));
  });
});
