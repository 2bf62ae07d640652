import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionInput, SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';
import { createTestIndex } from '../support/create-test-index.js';

const input = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({
  platform: 'telegram',
  chatId: '42',
  schedule: '0 8 * * *',
  timezone: 'Asia/Riyadh',
  locale: 'ar',
  whenEmpty: 'skip',
  userId: 'u1',
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('SQLite subscription store', () => {
  let dir: string;
  let db: Db;
  let store: SubscriptionStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-subs-'));
    db = openDatabase(join(dir, 'nashra.sqlite'));
    store = createSqliteSubscriptions(db);
  });
  afterEach(async () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created by migration 2', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['subscriptions', 'deliveries', 'subscription_articles']));
  });

  it('keeps one subscription per chat and platform; subscribing again updates it in place', async () => {
    const a = await store.subscribe(input(), at('2026-03-27T00:00:00Z'));
    expect(a.created).toBe(true);
    expect(a.subscription).toMatchObject({
      platform: 'telegram',
      chatId: '42',
      status: 'active',
      welcome: true,
      since: '2026-03-27T00:00:00.000Z',
    });
    const b = await store.subscribe(input({ schedule: '0 9 * * *', whenEmpty: 'note' }), at('2026-03-27T01:00:00Z'));
    expect(b.created).toBe(false);
    expect(b.subscription).toMatchObject({
      id: a.subscription.id,
      schedule: '0 9 * * *',
      whenEmpty: 'note',
      since: '2026-03-27T00:00:00.000Z',
      scheduledSince: '2026-03-27T01:00:00.000Z',
    });
    const other = await store.subscribe(input({ platform: 'discord' }), at('2026-03-27T00:00:00Z'));
    expect(other.subscription.id).not.toBe(a.subscription.id);
    expect((await store.active()).map((s) => s.id)).toEqual([a.subscription.id, other.subscription.id]);
  });

  it('cancels on unsubscribe and revives, starting afresh, on a new subscribe', async () => {
    const { subscription } = await store.subscribe(input(), at('2026-03-27T00:00:00Z'));
    expect(await store.unsubscribe('telegram', '42', at('2026-03-28T00:00:00Z'))).toBe(true);
    expect(await store.unsubscribe('telegram', '42', at('2026-03-28T00:00:00Z'))).toBe(false);
    expect((await store.get(subscription.id))?.status).toBe('cancelled');
    expect(await store.active()).toEqual([]);
    const again = await store.subscribe(input(), at('2026-03-29T00:00:00Z'));
    expect(again).toMatchObject({
      created: true,
      subscription: { id: subscription.id, status: 'active', since: '2026-03-29T00:00:00.000Z', welcome: true },
    });
  });

  it('claims a slot once, even from another connection (another process), and only while active', async () => {
    const { subscription: s } = await store.subscribe(input(), at('2026-03-27T00:00:00Z'));
    const slot = at('2026-03-27T05:00:00Z');
    expect(await store.claimSlot(s.id, slot, slot)).toBe('claimed');
    expect(await store.claimSlot(s.id, slot, slot)).toBe('duplicate');
    const db2 = openDatabase(join(dir, 'nashra.sqlite'));
    try {
      expect(await createSqliteSubscriptions(db2).claimSlot(s.id, slot, slot)).toBe('duplicate');
    } finally {
      db2.close();
    }
    expect(await store.delivery(s.id, slot)).toMatchObject({ status: 'claimed', finishedAt: null });
    await store.disable(s.id, 'gone', slot);
    expect(await store.claimSlot(s.id, at('2026-03-28T05:00:00Z'), slot)).toBe('inactive');
    expect(await store.claimSlot(999, slot, slot)).toBe('inactive');
  });

  it('releases only a claim that never finished', async () => {
    const { subscription: s } = await store.subscribe(input(), at('2026-03-27T00:00:00Z'));
    const slot = at('2026-03-27T05:00:00Z');
    await store.claimSlot(s.id, slot, slot);
    await store.releaseSlot(s.id, slot);
    expect(await store.delivery(s.id, slot)).toBeNull();
    await store.claimSlot(s.id, slot, slot);
    await store.finishSlot(s.id, slot, { status: 'skipped', attempts: 0 }, slot);
    await store.releaseSlot(s.id, slot);
    expect((await store.delivery(s.id, slot))?.status).toBe('skipped');
  });

  it('records what a sent digest carried, and nothing for a failed one', async () => {
    const { subscription: s } = await store.subscribe(input(), at('2026-03-27T00:00:00Z'));
    const s1 = at('2026-03-27T05:00:00Z');
    const s2 = at('2026-03-28T05:00:00Z');
    await store.claimSlot(s.id, s1, s1);
    await store.finishSlot(s.id, s1, { status: 'failed', attempts: 3, error: 'x'.repeat(2000), shown: ['a'] }, s1);
    expect(await store.received(s.id)).toEqual([]);
    expect(await store.delivery(s.id, s1)).toMatchObject({ status: 'failed', attempts: 3, items: 0 });
    expect((await store.delivery(s.id, s1))?.error?.length).toBe(500);
    await store.claimSlot(s.id, s2, s2);
    await store.finishSlot(s.id, s2, { status: 'sent', attempts: 1, shown: ['a', 'b'], more: ['c'] }, s2);
    expect(await store.received(s.id)).toEqual(['a', 'b', 'c']);
    expect((await store.get(s.id))?.welcome).toBe(false);
    expect(await store.lastDelivery(s.id)).toMatchObject({ slot: s2.toISOString(), status: 'sent', items: 2 });
    expect((await store.deliveries(s.id)).map((d) => d.status)).toEqual(['failed', 'sent']);
  });
});

describe('pending articles', () => {
  it('are the newest unreceived ones indexed since subscribing, plus the newest few for a first digest', async () => {
    const ti = await createTestIndex();
    try {
      const store = createSqliteSubscriptions(ti.db);
      const newest = (await ti.index.latest(10, 0)).map((a) => a.id);
      const { subscription: s } = await store.subscribe(input(), new Date(Date.now() + 1000));
      expect((await store.pending(s, { limit: 10, welcome: 3 })).articles.map((a) => a.id)).toEqual(newest.slice(0, 3));
      expect(await store.pending(s, { limit: 2, welcome: 3 })).toEqual({
        articles: expect.any(Array),
        moreIds: [newest[2]],
        moreStories: 1,
      });
      const slot = new Date(Date.now() + 2000);
      await store.claimSlot(s.id, slot, slot);
      await store.finishSlot(s.id, slot, { status: 'sent', attempts: 1, shown: newest.slice(0, 3) }, slot);
      expect((await store.pending((await store.get(s.id))!, { limit: 10, welcome: 3 })).articles).toEqual([]);
    } finally {
      ti.close();
    }
  });
});
