import type { Locale } from '../core/commands/reply.js';
import type { ArticleSummaryRow, StoryRow } from '../core/ports/article-index.js';
import type { Platform } from '../core/ports/chat-delivery.js';
import type {
  ClaimResult,
  PendingArticles,
  SlotResult,
  Subscription,
  SubscriptionStatus,
  SubscriptionStore,
  WhenEmpty,
} from '../core/ports/subscription-store.js';
import type { Db } from './open-database.js';
import {
  DELIVERY_COLUMNS,
  type DeliveryRow,
  MAX_ERROR_CHARS,
  SUBSCRIPTION_COLUMNS,
  toDelivery,
} from './delivery-rows.js';

interface SubscriptionRow {
  id: number;
  platform: string;
  chat_id: string;
  schedule: string;
  timezone: string;
  locale: string;
  when_empty: string;
  status: string;
  created_by: string;
  created_at: string;
  scheduled_since: string;
  since: string;
  welcome: number;
  disabled_reason: string | null;
  topics: string;
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    platform: r.platform as Platform,
    chatId: r.chat_id,
    schedule: r.schedule,
    timezone: r.timezone,
    locale: r.locale as Locale,
    whenEmpty: r.when_empty as WhenEmpty,
    status: r.status as SubscriptionStatus,
    createdBy: r.created_by,
    createdAt: r.created_at,
    scheduledSince: r.scheduled_since,
    since: r.since,
    welcome: r.welcome === 1,
    disabledReason: r.disabled_reason,
    topics: JSON.parse(r.topics) as string[],
  };
}

/** Newest first, the order of `latest`: by article date when known, then by when indexed. */
const NEWEST_FIRST = 'a.sort_date IS NULL, a.sort_date DESC, a.indexed_at DESC, a.num DESC';

/**
 * The subscription store over SQLite (migration 2): `subscriptions`, the `deliveries` log
 * keyed by (subscription, slot), and `subscription_articles`, what each received. Reads
 * `articles` for what is pending, so it must share the index's database.
 */
export function createSqliteSubscriptions(db: Db): SubscriptionStore {
  const s = {
    byChat: db.prepare<[string, string], SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE platform = ? AND chat_id = ?`,
    ),
    get: db.prepare<[number], SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = ?`),
    active: db.prepare<[], SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE status = 'active' ORDER BY id`,
    ),
    insert: db.prepare(`INSERT INTO subscriptions
      (platform, chat_id, schedule, timezone, locale, when_empty, status, created_by, created_at, scheduled_since, since, welcome, topics)
      VALUES (@platform, @chatId, @schedule, @timezone, @locale, @whenEmpty, 'active', @userId, @now, @now, @now, 1, @topics)`),
    /** An active subscription keeps what is pending; a revived one starts from now, with a welcome digest. */
    update: db.prepare(`UPDATE subscriptions SET
      schedule = @schedule, timezone = @timezone, topics = @topics, locale = @locale, when_empty = @whenEmpty, created_by = @userId,
      scheduled_since = @now,
      since = CASE WHEN status = 'active' THEN since ELSE @now END,
      welcome = CASE WHEN status = 'active' THEN welcome ELSE 1 END,
      status = 'active', disabled_at = NULL, disabled_reason = NULL
      WHERE id = @id`),
    cancel: db.prepare(`UPDATE subscriptions SET status = 'cancelled', disabled_at = ?, disabled_reason = 'unsubscribed'
      WHERE platform = ? AND chat_id = ? AND status = 'active'`),
    disable: db.prepare(
      `UPDATE subscriptions SET status = 'disabled', disabled_at = ?, disabled_reason = ? WHERE id = ? AND status = 'active'`,
    ),
    welcomed: db.prepare('UPDATE subscriptions SET welcome = 0 WHERE id = ?'),
    pending: db.prepare<
      { id: number; since: string; welcome: number },
      ArticleSummaryRow & { num: number; story: number; also: string }
    >(`
      SELECT a.num, coalesce(a.story, a.num) AS story, a.id, a.title, a.date, a.source, a.url,
        (SELECT json_group_array(o.id) FROM (SELECT o.id FROM articles o WHERE o.story = a.story AND o.num != a.num ORDER BY o.num) o) AS also
      FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM subscription_articles r WHERE r.subscription_id = @id AND r.article_id = a.id)
        -- a story already received (any copy of it) is not news when another copy arrives
        AND NOT EXISTS (SELECT 1 FROM articles o JOIN subscription_articles r ON r.subscription_id = @id AND r.article_id = o.id WHERE o.story = a.story)
        AND (a.indexed_at > @since OR a.num IN (SELECT a.num FROM articles a ORDER BY ${NEWEST_FIRST} LIMIT @welcome))
      ORDER BY ${NEWEST_FIRST}`),
    claim: db.prepare(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES (?, ?, 'claimed', ?)
      ON CONFLICT (subscription_id, slot) DO NOTHING`),
    release: db.prepare("DELETE FROM deliveries WHERE subscription_id = ? AND slot = ? AND status = 'claimed'"),
    finish:
      db.prepare(`UPDATE deliveries SET status = @status, finished_at = @now, attempts = @attempts, items = @items, error = @error
      WHERE subscription_id = @id AND slot = @slot`),
    receive:
      db.prepare(`INSERT INTO subscription_articles (subscription_id, article_id, slot, shown) VALUES (?, ?, ?, ?)
      ON CONFLICT (subscription_id, article_id) DO NOTHING`),
    delivery: db.prepare<[number, string], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = ? AND slot = ?`,
    ),
    lastDelivery: db.prepare<[number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY slot DESC LIMIT 1`,
    ),
    deliveries: db.prepare<[number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY slot`,
    ),
    received: db.prepare<[number], { article_id: string }>(
      'SELECT article_id FROM subscription_articles WHERE subscription_id = ? ORDER BY slot, article_id',
    ),
  };

  const get = (id: number) => {
    const row = s.get.get(id);
    return row ? toSubscription(row) : null;
  };

  const claim = db.transaction((id: number, slot: string, now: string): ClaimResult => {
    const sub = s.get.get(id);
    if (sub?.status !== 'active') return 'inactive';
    return s.claim.run(id, slot, now).changes === 1 ? 'claimed' : 'duplicate';
  });

  const finish = db.transaction((id: number, slot: string, result: SlotResult, now: string) => {
    const shown = result.shown ?? [];
    s.finish.run({
      id,
      slot,
      now,
      status: result.status,
      attempts: result.attempts,
      items: result.status === 'sent' ? shown.length : 0,
      error: result.error === undefined ? null : result.error.slice(0, MAX_ERROR_CHARS),
    });
    if (result.status !== 'sent') return;
    for (const articleId of shown) s.receive.run(id, articleId, slot, 1);
    for (const articleId of result.more ?? []) s.receive.run(id, articleId, slot, 0);
    s.welcomed.run(id);
  });

  const subscribe = db.transaction((input: Parameters<SubscriptionStore['subscribe']>[0], now: string) => {
    const existing = s.byChat.get(input.platform, input.chatId);
    const { topics, ...rest } = input;
    const params = { ...rest, topics: JSON.stringify(topics ?? []), now };
    if (existing) s.update.run({ ...params, id: existing.id });
    else s.insert.run(params);
    return {
      subscription: toSubscription(s.byChat.get(input.platform, input.chatId)!),
      created: existing?.status !== 'active',
    };
  });

  return {
    subscribe: async (input, now) => subscribe(input, now.toISOString()),
    unsubscribe: async (platform, chatId, now) => s.cancel.run(now.toISOString(), platform, chatId).changes === 1,
    get: async (id) => get(id),
    async byChat(platform, chatId) {
      const row = s.byChat.get(platform, chatId);
      return row ? toSubscription(row) : null;
    },
    active: async () => s.active.all().map(toSubscription),
    disable: async (id, reason, now) => void s.disable.run(now.toISOString(), reason.slice(0, MAX_ERROR_CHARS), id),

    async pending(sub, options): Promise<PendingArticles> {
      const rows = s.pending.all({ id: sub.id, since: sub.since, welcome: sub.welcome ? options.welcome : 0 });
      const stories = new Map<number, typeof rows>(); // in order of each story's newest pending article
      for (const r of rows) stories.set(r.story, [...(stories.get(r.story) ?? []), r]);
      const articles: StoryRow[] = [];
      const moreIds: string[] = [];
      if (options.wanted) {
        const all = [...stories];
        const ids = all.map(([, members]) => [
          ...new Set(members.flatMap((m) => [m.id, ...(JSON.parse(m.also) as string[])])),
        ]);
        const wanted = await options.wanted(ids);
        all.forEach(([story, members], i) => {
          if (wanted[i]) return;
          stories.delete(story);
          moreIds.push(...members.map((m) => m.id));
        });
      }
      const listed = [...stories.values()].slice(0, options.limit);
      for (const members of listed) {
        const shown = members.find((m) => m.num === m.story) ?? members[0]!;
        const { num: _num, story: _story, also, ...row } = shown;
        articles.push({ ...row, also: JSON.parse(also) as string[] });
        for (const m of members) if (m !== shown) moreIds.push(m.id);
      }
      for (const members of [...stories.values()].slice(options.limit)) for (const m of members) moreIds.push(m.id);
      return { articles, moreIds, moreStories: Math.max(0, stories.size - options.limit) };
    },

    claimSlot: async (id, slot, now) => claim(id, slot.toISOString(), now.toISOString()),
    releaseSlot: async (id, slot) => void s.release.run(id, slot.toISOString()),
    finishSlot: async (id, slot, result, now) => finish(id, slot.toISOString(), result, now.toISOString()),
    async delivery(id, slot) {
      const row = s.delivery.get(id, slot.toISOString());
      return row ? toDelivery(row) : null;
    },
    async lastDelivery(id) {
      const row = s.lastDelivery.get(id);
      return row ? toDelivery(row) : null;
    },
    deliveries: async (id) => s.deliveries.all(id).map(toDelivery),
    received: async (id) => s.received.all(id).map((r) => r.article_id),
  };
}
