import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/app/open-storage.js';
import type { Storage } from '../../src/core/ports/storage.js';
import { indexCorpus } from '../../src/core/indexing/index-corpus.js';
import { buildDigest } from '../../src/core/services/build-digest.js';
import { findQuotes } from '../../src/core/services/find-quotes.js';
import { searchArticles } from '../../src/core/services/search-articles.js';
import { summarizeArticle, summarizeTopic } from '../../src/core/services/summarize.js';
import { createFileCorpusSource } from '../../src/ingest/create-file-corpus-source.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../support/postgres-test-database.js';

/** One engine under test: where its database is, and how to drop it. */
interface Engine {
  readonly name: 'sqlite' | 'postgres';
  location(): Promise<{ location: string; drop(): Promise<void> }>;
}

const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async location() {
      const dir = mkdtempSync(join(tmpdir(), 'nashra-contract-'));
      return { location: join(dir, 'nashra.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: 'postgres' as const,
          async location() {
            const db: TestDatabase = await createTestDatabase();
            return { location: db.url, drop: () => db.drop() };
          },
        },
      ]
    : []),
];

const ALL_FIVE = ['000', '001', '002', '003', '004'];
const short = (ids: readonly string[]) => ids.map((id) => id.slice(0, 3));

describe.each(ENGINES)('storage contract on $name', { timeout: 60_000 }, (engine) => {
  let dir: string;
  let corpus: string;
  let storage: Storage;
  let drop: () => Promise<void>;
  const index = () => storage.index;
  const run = async () => {
    const lock = await storage.tryIndexLock();
    if (!lock) throw new Error('index lock held');
    try {
      return await indexCorpus({
        source: createFileCorpusSource(corpus),
        writer: storage.writer!,
        stories: storage.stories,
      });
    } finally {
      await lock.release();
    }
  };
  const ids = async (q: string) => short((await searchArticles(index(), q, { limit: 20 })).results.map((r) => r.id));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-contract-corpus-'));
    corpus = join(dir, 'corpus');
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    const where = await engine.location();
    drop = where.drop;
    storage = await openStorage(where.location);
    expect(storage.engine).toBe(engine.name);
    expect(await run()).toMatchObject({ added: 5, updated: 0, removed: 0, articles: 5 });
  });
  afterAll(async () => {
    await storage?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['Pyongyang split with jeem', 'بيونج يانج'],
    ['Pyongyang split with ghain', 'بيونغ يانغ'],
    ['Pyongyang joined', 'بيونغيانغ'],
    ['Putin without ya', 'بوتن'],
    ['Putin with ya', 'بوتين'],
    ['Putin in Latin script', 'vladimir putin'],
  ])('search: %s (%s) finds all five articles', async (_name, query) => {
    expect((await ids(query)).sort()).toEqual(ALL_FIVE);
  });

  it.each([
    ['a topic only where it is', 'قمة بريكس', ['003']],
    ['nothing from related-link lines', 'إيكيا', []],
    ['a Latin word that is no name', 'weather', []],
  ])('search: %s', async (_name, query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('search: ranks the vote article first, diacritics ignored, operators as text', async () => {
    expect((await ids('صَوَّتَ البرلمان'))[0]).toBe('003');
    expect(await ids('<b>بريكس</b>')).toEqual(['003']);
    for (const q of ['"', 'كيم" OR "', 'NEAR(', '*', "'", '\\', '&|!<->']) await searchArticles(index(), q);
  });

  it('quotes of تسوكرمان and بوتين, by their full names', async () => {
    const tsukerman = await findQuotes(index(), 'تسوكرمان');
    expect(tsukerman.person).toMatchObject({ name: 'إيرينا تسوكرمان', aliases: ['تسوكرمان'] });
    expect(tsukerman.quotes.length).toBeGreaterThan(2);
    expect(tsukerman.quotes.every((q) => q.articleId.startsWith('000'))).toBe(true);
    const putin = await findQuotes(index(), 'بوتن');
    expect(putin.person?.name).toMatch(/^فلاديمير بوت/);
    expect(putin.quotes.length).toBeGreaterThan(0);
  });

  it('people: the two Kims kept apart', async () => {
    const people = await index().people(200, 0);
    expect(
      people
        .filter((p) => p.name.startsWith('كيم'))
        .map((p) => p.name)
        .sort(),
    ).toEqual(['كيم جونغ أون', 'كيم يونغ هيون']);
    const counts = people.map((p) => p.quotes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('summary of an article and of a topic', async () => {
    const summary = await summarizeArticle(index(), '003_3ddc96a2e226cfb4', { sentences: 2 });
    expect(summary?.sentences).toHaveLength(2);
    const topic = await summarizeTopic(index(), 'معاهدة دفاعية');
    expect(topic?.id).toBe('003_3ddc96a2e226cfb4');
    expect(topic?.sentences.join(' ')).toContain('397');
  });

  it('latest and digest items', async () => {
    expect(await index().latest(3, 0)).toHaveLength(3);
    const digest = await buildDigest(index(), { limit: 2 });
    expect(digest).toHaveLength(2);
    for (const item of digest) {
      expect(item.summary.length).toBeGreaterThan(0);
      expect(item.also).toEqual([]);
    }
  });

  it('subscriptions: a slot is claimed once, finished, and its articles received', async () => {
    const now = new Date('2026-01-01T08:00:00Z');
    const { subscription, created } = await storage.subscriptions.subscribe(
      {
        platform: 'telegram',
        chatId: '-100',
        schedule: '0 8 * * *',
        timezone: 'UTC',
        locale: 'ar',
        whenEmpty: 'skip',
        userId: 'u1',
      },
      now,
    );
    expect(created).toBe(true);
    const slot = new Date('2026-01-02T08:00:00Z');
    expect(await storage.subscriptions.claimSlot(subscription.id, slot, now)).toBe('claimed');
    expect(await storage.subscriptions.claimSlot(subscription.id, slot, now)).toBe('duplicate');
    const pending = await storage.subscriptions.pending(subscription, { limit: 2, welcome: 5 });
    expect(pending.articles).toHaveLength(2);
    const shown = pending.articles.map((a) => a.id);
    await storage.subscriptions.finishSlot(
      subscription.id,
      slot,
      { status: 'sent', attempts: 1, shown, more: [...pending.moreIds] },
      now,
    );
    expect(await storage.subscriptions.delivery(subscription.id, slot)).toMatchObject({ status: 'sent', items: 2 });
    expect((await storage.subscriptions.received(subscription.id)).length).toBe(shown.length + pending.moreIds.length);
    expect(await storage.subscriptions.unsubscribe('telegram', '-100', now)).toBe(true);
    expect(await storage.subscriptions.claimSlot(subscription.id, new Date('2026-01-03T08:00:00Z'), now)).toBe(
      'inactive',
    );
  });

  it('re-indexes incrementally: no change rewrites nothing, one changed article only itself', async () => {
    const before = await index().getArticle('001_1ff7137ef0e8e18e');
    expect(await run()).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5 });
    writeFileSync(
      join(corpus, '002_a43548bc8f1b625e.txt'),
      'title: خبر معدل عن طشقند\n\nاستضافت طشقند اليوم اجتماعا موسعا للوزراء.\n',
    );
    expect(await run()).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 4, articles: 5 });
    expect(await ids('طشقند')).toEqual(['002']);
    expect(await index().getArticle('001_1ff7137ef0e8e18e')).toEqual(before);
  });

  it('converges after a run that died mid-batch', async () => {
    writeFileSync(join(corpus, '005_new.txt'), 'title: مقال جديد عن سمرقند\n\nزار الوفد سمرقند وبخارى هذا الأسبوع.\n');
    const writer = storage.writer!;
    const dying = {
      ...writer,
      transaction: <T>(fn: () => Promise<T>) =>
        writer.transaction(async () => {
          await fn();
          throw new Error('killed mid-batch');
        }),
    } as typeof writer;
    await expect(
      indexCorpus({ source: createFileCorpusSource(corpus), writer: dying, stories: storage.stories }),
    ).rejects.toThrow('killed mid-batch');
    expect(await ids('سمرقند')).toEqual([]);
    expect(await run()).toMatchObject({ added: 1, updated: 0, removed: 0, articles: 6 });
    expect(await ids('سمرقند')).toEqual(['005']);
    expect(await run()).toMatchObject({ added: 0, updated: 0, unchanged: 6 });
  });
});
