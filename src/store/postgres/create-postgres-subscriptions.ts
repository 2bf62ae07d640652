import type { Locale } from '../../core/commands/reply.js';
import type { ArticleSummaryRow, StoryRow } from '../../core/ports/article-index.js';
import type { Platform } from '../../core/ports/chat-delivery.js';
import type {
  ClaimResult,
  SlotResult,
  Subscription,
  SubscriptionInput,
  SubscriptionStatus,
  SubscriptionStore,
  WhenEmpty,
} from '../../core/ports/subscription-store.js';
import type { PgSession } from './create-pg-session.js';
import {
  DELIVERY_COLUMNS,
  type DeliveryRow,
  MAX_ERROR_CHARS,
  SUBSCRIPTION_COLUMNS,
  toDelivery,
} from '../delivery-rows.js';

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
  welcome: boolean;
  disabled_reason: string | null;
  topics: string[];
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
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
  welcome: r.welcome,
  disabledReason: r.disabled_reason,
  topics: r.topics,
});

const NEWEST_FIRST = 'a.sort_date DESC NULLS LAST, a.indexed_at DESC, a.num DESC';

const PENDING = `
  SELECT a.num, coalesce(a.story, a.num) AS story, a.id, a.title, a.date, a.source, a.url,
    array(SELECT o.id FROM articles o WHERE o.story = a.story AND o.num <> a.num ORDER BY o.num) AS also
  FROM articles a
  WHERE NOT EXISTS (SELECT 1 FROM subscription_articles r WHERE r.subscription_id = $1 AND r.article_id = a.id)
    -- a story already received (any copy of it) is not news when another copy arrives
    AND NOT EXISTS (SELECT 1 FROM articles o JOIN subscription_articles r ON r.subscription_id = $1 AND r.article_id = o.id
                    WHERE o.story = a.story)
    AND (a.indexed_at > $2 OR a.num IN (SELECT a.num FROM articles a ORDER BY ${NEWEST_FIRST} LIMIT $3))
  ORDER BY ${NEWEST_FIRST}`;

/**
 * Subscriptions, the delivery log and what each subscription received, over PostgreSQL,
 * with the SQLite adapter's semantics. A slot is claimed by one `INSERT … ON CONFLICT DO
 * NOTHING` on the log's primary key while the subscription row is share-locked, so of any
 * number of instances claiming the same (subscription, slot), exactly one gets `claimed`.
 */
export function createPostgresSubscriptions(session: PgSession): SubscriptionStore {
  const { rows, one, query, transaction } = session;
  const byChat = async (platform: string, chatId: string, lock = '') => {
    const row = await one<SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE platform = $1 AND chat_id = $2 ${lock}`,
      [platform, chatId],
    );
    return row ? toSubscription(row) : null;
  };
  const deliveryRow = async (sql: string, params: unknown[]) => {
    const row = await one<DeliveryRow>(sql, params);
    return row ? toDelivery(row) : null;
  };

  async function update(input: SubscriptionInput, id: number, now: string, topics: string): Promise<void> {
    // An active subscription keeps what is pending; a revived one starts from now, with a welcome digest.
    await query(
      `UPDATE subscriptions SET schedule = $2, timezone = $3, topics = $4::jsonb, locale = $5, when_empty = $6, created_by = $7,
         scheduled_since = $8,
         since = CASE WHEN status = 'active' THEN since ELSE $8 END,
         welcome = CASE WHEN status = 'active' THEN welcome ELSE true END,
         status = 'active', disabled_at = NULL, disabled_reason = NULL
       WHERE id = $1`,
      [id, input.schedule, input.timezone, topics, input.locale, input.whenEmpty, input.userId, now],
    );
  }

  return {
    subscribe: (input, nowDate) =>
      transaction(async () => {
        const now = nowDate.toISOString();
        const topics = JSON.stringify(input.topics ?? []);
        let existing = await byChat(input.platform, input.chatId, 'FOR UPDATE');
        if (!existing) {
          const inserted = await query(
            `INSERT INTO subscriptions (platform, chat_id, schedule, timezone, locale, when_empty, status, created_by,
               created_at, scheduled_since, since, welcome, topics)
             VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8, $8, true, $9::jsonb) ON CONFLICT (platform, chat_id) DO NOTHING`,
            [
              input.platform,
              input.chatId,
              input.schedule,
              input.timezone,
              input.locale,
              input.whenEmpty,
              input.userId,
              now,
              topics,
            ],
          );
          // Another instance subscribed the same chat a moment ago: treat it as existing.
          if (inserted.rowCount === 0) existing = await byChat(input.platform, input.chatId, 'FOR UPDATE');
        }
        if (existing) await update(input, existing.id, now, topics);
        return { subscription: (await byChat(input.platform, input.chatId))!, created: existing?.status !== 'active' };
      }),
    unsubscribe: async (platform, chatId, now) =>
      (
        await query(
          `UPDATE subscriptions SET status = 'cancelled', disabled_at = $1, disabled_reason = 'unsubscribed'
           WHERE platform = $2 AND chat_id = $3 AND status = 'active'`,
          [now.toISOString(), platform, chatId],
        )
      ).rowCount === 1,
    async get(id) {
      const row = await one<SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
      return row ? toSubscription(row) : null;
    },
    byChat: (platform, chatId) => byChat(platform, chatId),
    active: async () =>
      (
        await rows<SubscriptionRow>(
          `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE status = 'active' ORDER BY id`,
        )
      ).map(toSubscription),
    async disable(id, reason, now) {
      await query(
        `UPDATE subscriptions SET status = 'disabled', disabled_at = $1, disabled_reason = $2 WHERE id = $3 AND status = 'active'`,
        [now.toISOString(), reason.slice(0, MAX_ERROR_CHARS), id],
      );
    },

    async pending(sub, options) {
      type Row = ArticleSummaryRow & { num: number; story: number; also: string[] };
      const found = await rows<Row>(PENDING, [sub.id, sub.since, sub.welcome ? options.welcome : 0]);
      const stories = new Map<number, Row[]>(); // in order of each story's newest pending article
      for (const r of found) stories.set(r.story, [...(stories.get(r.story) ?? []), r]);
      const articles: StoryRow[] = [];
      const moreIds: string[] = [];
      if (options.wanted) {
        const all = [...stories];
        const wanted = await options.wanted(
          all.map(([, members]) => [...new Set(members.flatMap((m) => [m.id, ...m.also]))]),
        );
        all.forEach(([story, members], i) => {
          if (wanted[i]) return;
          stories.delete(story);
          moreIds.push(...members.map((m) => m.id));
        });
      }
      const listed = [...stories.values()].slice(0, options.limit);
      for (const members of listed) {
        const shown = members.find((m) => m.num === m.story) ?? members[0]!;
        const { num: _num, story: _story, ...row } = shown;
        articles.push(row);
        for (const m of members) if (m !== shown) moreIds.push(m.id);
      }
      for (const members of [...stories.values()].slice(options.limit)) for (const m of members) moreIds.push(m.id);
      return { articles, moreIds, moreStories: Math.max(0, stories.size - options.limit) };
    },

    claimSlot: (id, slot, now) =>
      transaction(async (): Promise<ClaimResult> => {
        const sub = await one<{ status: string }>('SELECT status FROM subscriptions WHERE id = $1 FOR SHARE', [id]);
        if (sub?.status !== 'active') return 'inactive';
        const r = await query(
          `INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES ($1, $2, 'claimed', $3)
           ON CONFLICT (subscription_id, slot) DO NOTHING`,
          [id, slot.toISOString(), now.toISOString()],
        );
        return r.rowCount === 1 ? 'claimed' : 'duplicate';
      }),
    async releaseSlot(id, slot) {
      await query("DELETE FROM deliveries WHERE subscription_id = $1 AND slot = $2 AND status = 'claimed'", [
        id,
        slot.toISOString(),
      ]);
    },
    finishSlot: (id, slotDate, result: SlotResult, now) =>
      transaction(async () => {
        const slot = slotDate.toISOString();
        const shown = result.shown ?? [];
        await query(
          `UPDATE deliveries SET status = $3, finished_at = $4, attempts = $5, items = $6, error = $7
           WHERE subscription_id = $1 AND slot = $2`,
          [
            id,
            slot,
            result.status,
            now.toISOString(),
            result.attempts,
            result.status === 'sent' ? shown.length : 0,
            result.error === undefined ? null : result.error.slice(0, MAX_ERROR_CHARS),
          ],
        );
        if (result.status !== 'sent') return;
        const more = result.more ?? [];
        await query(
          `INSERT INTO subscription_articles (subscription_id, article_id, slot, shown)
           SELECT $1, article_id, $2, shown FROM unnest($3::text[], $4::boolean[]) WITH ORDINALITY AS t(article_id, shown, n)
           ORDER BY n ON CONFLICT (subscription_id, article_id) DO NOTHING`,
          [id, slot, [...shown, ...more], [...shown.map(() => true), ...more.map(() => false)]],
        );
        await query('UPDATE subscriptions SET welcome = false WHERE id = $1', [id]);
      }),
    delivery: (id, slot) =>
      deliveryRow(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = $1 AND slot = $2`, [
        id,
        slot.toISOString(),
      ]),
    lastDelivery: (id) =>
      deliveryRow(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = $1 ORDER BY slot DESC LIMIT 1`, [
        id,
      ]),
    deliveries: async (id) =>
      (
        await rows<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = $1 ORDER BY slot`, [
          id,
        ])
      ).map(toDelivery),
    received: async (id) =>
      (
        await rows<{ article_id: string }>(
          'SELECT article_id FROM subscription_articles WHERE subscription_id = $1 ORDER BY slot, article_id',
          [id],
        )
      ).map((r) => r.article_id),
  };
}
