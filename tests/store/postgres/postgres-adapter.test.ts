import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analysis/analyze-article.js';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';
import type { SearchQuery } from '../../../src/core/search/search-query.js';
import { stemArabic } from '../../../src/core/text/stem-arabic.js';
import { normalizeWord } from '../../../src/core/text/tokenize.js';
import { openPostgresStorage } from '../../../src/store/postgres/open-postgres-storage.js';
import { FIXTURE_CORPUS } from '../../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../../support/postgres-test-database.js';

type Storage = Awaited<ReturnType<typeof openPostgresStorage>>;

/** A query word as the index holds it: the normalized word, or its stem. */
const word = (w: string): SearchQuery => ({ op: 'word', text: normalizeWord(w) });
const stem = (w: string): SearchQuery => ({ op: 'stem', text: stemArabic(normalizeWord(w)) });

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL stores', () => {
  let database: TestDatabase;
  let storage: Storage;
  const ids = readdirSync(FIXTURE_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));

  beforeAll(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage(database.url, { now: () => new Date('2024-10-24T10:00:00Z') });
    await storage.writer!.transaction(async () => {
      await storage.writer!.setDerivedPending(true);
      for (const id of ids) {
        const parsed = parseArticle(id, readFileSync(join(FIXTURE_CORPUS, `${id}.txt`), 'utf8'));
        await storage.writer!.upsertArticle(`${id}.txt`, `hash-${id}`, analyzeArticle(parsed));
      }
    });
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('writes a batch in one transaction: every article, its search document, its quotes', async () => {
    expect(await storage.writer!.articleCount()).toBe(ids.length);
    expect(await storage.writer!.derivedPending()).toBe(true);
    const docs = await storage.writer!.allSpeakers();
    expect(docs.length).toBeGreaterThan(0);
    const units = await storage.writer!.knownUnits();
    expect([...units.keys()].sort()).toEqual(ids.map((id) => `${id}.txt`).sort());
  });

  it.each([
    ['a word', word('بوتين')],
    ['a stem', stem('الكورية')],
    ['two words', { op: 'and', nodes: [word('كيم'), word('جونغ')] } as SearchQuery],
    ['a phrase', { op: 'phrase', words: ['كيم', 'جونغ'].map(normalizeWord) } as SearchQuery],
  ])('finds %s with the GIN index and ranks best first', async (_name, query) => {
    const hits = await storage.index.search(query, 10, 0);
    expect(hits.length).toBeGreaterThan(0);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await storage.index.countMatches(query, 100)).toBe(hits.length);
  });

  it('keeps phrases inside one part and words apart from stems', async () => {
    // جونغ is in one article, جونج in another: a phrase with the other spelling finds only its own.
    const jong = await storage.index.search({ op: 'phrase', words: ['كيم', 'جونغ'] }, 10, 0);
    const jung = await storage.index.search({ op: 'phrase', words: ['كيم', 'جونج'] }, 10, 0);
    expect(jong.map((h) => h.id)).not.toEqual(jung.map((h) => h.id));
    expect(await storage.index.search({ op: 'phrase', words: ['جونغ', 'كيم'] }, 10, 0)).toEqual([]);
  });

  it('treats query text as lexemes only: quotes, backslashes and operators match nothing and never fail', async () => {
    for (const text of ["'", "\\'", '&', '!x', "a' | 'b", '<->', ':*']) {
      await expect(storage.index.search({ op: 'word', text }, 5, 0)).resolves.toEqual([]);
    }
  });

  it('answers matchingAmong for a topic digest', async () => {
    const all = await storage.index.latest(10, 0);
    const matching = await storage.index.matchingAmong(
      word('زيلينسكي'),
      all.map((a) => a.id),
    );
    expect(matching.size).toBeGreaterThan(0);
    expect(matching.size).toBeLessThan(all.length);
  });

  it('rewrites only a changed article, keeping its row and first indexed_at', async () => {
    const id = ids[0]!;
    const before = await storage.index.getArticle(id);
    const parsed = parseArticle(id, `عنوان جديد تماما\n\nنص جديد عن مدينة طشقند وحدها.`);
    await storage.writer!.transaction(async () =>
      storage.writer!.upsertArticle(`${id}.txt`, 'hash-new', analyzeArticle(parsed)),
    );
    expect((await storage.index.getArticle(id))?.title).toBe('عنوان جديد تماما');
    expect(before).not.toBeNull();
    expect((await storage.index.search(word('طشقند'), 5, 0)).map((h) => h.id)).toEqual([id]);
    expect(await storage.writer!.articleCount()).toBe(ids.length);
  });

  it('rolls a failed batch back whole', async () => {
    const parsed = parseArticle('ghost', 'مقال لن يحفظ\n\nنص عن سمرقند.');
    await expect(
      storage.writer!.transaction(async () => {
        await storage.writer!.upsertArticle('ghost.txt', 'h', analyzeArticle(parsed));
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await storage.index.getArticle('ghost')).toBeNull();
    expect(await storage.index.search(word('سمرقند'), 5, 0)).toEqual([]);
  });

  it('claims a slot once among many concurrent claimers', async () => {
    const now = new Date('2024-10-24T10:00:00Z');
    const { subscription } = await storage.subscriptions.subscribe(
      {
        platform: 'telegram',
        chatId: '42',
        schedule: '0 8 * * *',
        timezone: 'UTC',
        locale: 'ar',
        whenEmpty: 'skip',
        userId: 'u',
      },
      now,
    );
    const slot = new Date('2024-10-25T08:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => storage.subscriptions.claimSlot(subscription.id, slot, now)),
    );
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(5);
    await storage.subscriptions.finishSlot(
      subscription.id,
      slot,
      { status: 'sent', attempts: 1, shown: [ids[1]!], more: [ids[2]!] },
      now,
    );
    expect((await storage.subscriptions.delivery(subscription.id, slot))?.status).toBe('sent');
    expect(await storage.subscriptions.received(subscription.id)).toEqual([ids[1], ids[2]].sort());
  });

  it('holds the index lock for one process at a time, and frees it on release', async () => {
    const first = await storage.tryIndexLock();
    expect(first).not.toBeNull();
    expect(await storage.tryIndexLock()).toBeNull();
    await first!.release();
    const again = await storage.tryIndexLock();
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('keeps list pages in the database for any instance to load', async () => {
    const token = await storage.pages.save({ command: 'search', arg: 'بوتين', locale: 'ar', ownerId: '7' });
    expect(token).toMatch(/^[0-9a-z]{10}$/);
    expect(await storage.pages.load(token)).toEqual({ command: 'search', arg: 'بوتين', locale: 'ar', ownerId: '7' });
    expect(await storage.pages.load('nosuchpage')).toBeNull();
  });

  it('passes its start-up check and refuses nothing on a second open (migrations ran once)', async () => {
    await storage.check();
    const second = await openPostgresStorage(database.url);
    await second.check();
    await second.close();
  });
});
