import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CommandHandler, createCommandHandler } from '../../src/core/commands/create-command-handler.js';
import type { PageState } from '../../src/core/ports/page-store.js';
import { PAGE_TTL_MS, createMemoryPageStore } from '../../src/store/create-memory-page-store.js';
import { createSqlitePageStore } from '../../src/store/create-sqlite-page-store.js';
import { type SqliteStorage, openSqliteStorage } from '../../src/store/open-sqlite-storage.js';
import { type TestIndex, createTestIndex } from '../support/create-test-index.js';

const STATE: PageState = { command: 'search', arg: 'كوريا', locale: 'ar', ownerId: 'u1' };
const ctx = { locale: 'ar' as const, userId: 'u1' };

describe('SQLite page store: list pages shared by processes on one file', () => {
  let ti: TestIndex;
  let a: SqliteStorage;
  let b: SqliteStorage;
  beforeEach(async () => {
    ti = await createTestIndex();
    // Two instances: each its own connection to the one database file.
    a = await openSqliteStorage(ti.dbFile);
    b = await openSqliteStorage(ti.dbFile);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    ti.close();
  });

  const handlerOn = (storage: SqliteStorage): CommandHandler =>
    createCommandHandler({ index: storage.index, pages: storage.pages!, subscriptions: ti.subscriptions });

  it('turns the page on instance B of a list instance A showed, as A would', async () => {
    const first = await handlerOn(a).run(ctx, 'people', '');
    expect(first.pager?.pages).toBeGreaterThan(1);
    const token = first.pager!.token;
    const onB = await handlerOn(b).page(ctx, token, 1);
    const onA = await handlerOn(a).page(ctx, token, 1);
    expect(onB.notice).toBeUndefined();
    expect(onB.pager).toMatchObject({ token, page: 1 });
    expect(onB).toEqual(onA);
  });

  it('is what in-memory pages could not do: B does not know a list A kept in its memory', async () => {
    const memoryA = createCommandHandler({
      index: a.index,
      pages: createMemoryPageStore(),
      subscriptions: ti.subscriptions,
    });
    const token = (await memoryA.run(ctx, 'people', '')).pager!.token;
    const memoryB = createCommandHandler({
      index: b.index,
      pages: createMemoryPageStore(),
      subscriptions: ti.subscriptions,
    });
    expect((await memoryB.page(ctx, token, 1)).notice).toBe(true);
  });

  it('keeps a page for PAGE_TTL_MS, then loads it as null (the user searches again), and prunes it', async () => {
    let now = 1_000_000;
    const pages = createSqlitePageStore(a.db, { now: () => now });
    const token = await pages.save(STATE);
    expect(token).toMatch(/^[0-9a-z]{10}$/);
    now += PAGE_TTL_MS;
    expect(await createSqlitePageStore(b.db, { now: () => now }).load(token)).toEqual(STATE);
    now += 1;
    expect(await pages.load(token)).toBeNull();
    expect(await pages.load('nosuchtoken')).toBeNull();
    await pages.save(STATE); // a save prunes what expired
    expect(a.db.prepare('SELECT count(*) FROM list_pages WHERE token = ?').pluck().get(token)).toBe(0);
  });

  it('gives each list its own token', async () => {
    const pages = a.pages!;
    const tokens = new Set(await Promise.all(Array.from({ length: 200 }, () => pages.save(STATE))));
    expect(tokens.size).toBe(200);
  });
});
