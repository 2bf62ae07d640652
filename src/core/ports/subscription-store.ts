import type { Locale } from '../commands/reply.js';
import type { StoryRow } from './article-index.js';
import type { Platform } from './chat-delivery.js';

/** What a digest does when nothing is new: post nothing, or a short note saying so. */
export type WhenEmpty = 'skip' | 'note';

/**
 * - `active`: scheduled;
 * - `disabled`: the bot could not post there any more (removed, blocked, chat gone);
 * - `cancelled`: the chat unsubscribed.
 * Subscribing again makes a disabled or cancelled subscription active (same id).
 */
export type SubscriptionStatus = 'active' | 'disabled' | 'cancelled';

/** One chat's digest subscription: at most one per (platform, chat). */
export interface Subscription {
  readonly id: number;
  readonly platform: Platform;
  readonly chatId: string;
  /** Canonical five-field cron expression (see core/schedule/cron.ts). */
  readonly schedule: string;
  /** IANA time zone the schedule is read in. */
  readonly timezone: string;
  /** The language of its digests: the subscriber's. */
  readonly locale: Locale;
  readonly whenEmpty: WhenEmpty;
  readonly status: SubscriptionStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  /** When the schedule was last set: no slot before it is ever caught up. */
  readonly scheduledSince: string;
  /** Articles indexed after this instant are news to this subscription (ISO-8601). */
  readonly since: string;
  /** True until its first digest is sent: that one also carries the newest articles. */
  readonly welcome: boolean;
  readonly disabledReason: string | null;
  /** Topics the digest is narrowed to (a story matching any of them); empty: every story. */
  readonly topics: readonly string[];
}

/** What `subscribe` writes. */
export interface SubscriptionInput {
  readonly platform: Platform;
  readonly chatId: string;
  readonly schedule: string;
  readonly timezone: string;
  readonly locale: Locale;
  readonly whenEmpty: WhenEmpty;
  readonly userId: string;
  /** Topics to narrow the digest to; empty or absent: every story. Replaces the old topics. */
  readonly topics?: readonly string[];
}

/** - `claimed`: being delivered, or the process died while it was (never re-sent). */
export type DeliveryStatus = 'claimed' | 'sent' | 'skipped' | 'failed' | 'gone';

/** One row of the delivery log: a (subscription, slot) and what became of it. */
export interface DeliveryRecord {
  readonly subscriptionId: number;
  /** The scheduled instant, ISO-8601 UTC. */
  readonly slot: string;
  readonly status: DeliveryStatus;
  readonly claimedAt: string;
  readonly finishedAt: string | null;
  readonly attempts: number;
  /** Articles shown as items. */
  readonly items: number;
  readonly error: string | null;
}

/**
 * The stories a subscription has not received, best (newest) first. A story any of whose
 * articles the subscription received is not pending: a later copy of it is not news.
 */
export interface PendingArticles {
  /** At most `limit` stories, each as one article (its representative when pending), to show as items. */
  readonly articles: readonly StoryRow[];
  /**
   * The ids of the other pending articles: the rest of the stories shown, every article of
   * the stories not shown, and those of stories `wanted` turned down (they count as
   * received, so they are not weighed again at every digest).
   */
  readonly moreIds: readonly string[];
  /** How many stories were not shown: counted as "and N more". */
  readonly moreStories: number;
}

export type ClaimResult = 'claimed' | 'duplicate' | 'inactive';

/** How a claimed slot ended; `shown` and `more` are recorded as received when `sent`. */
export interface SlotResult {
  readonly status: Exclude<DeliveryStatus, 'claimed'>;
  readonly attempts: number;
  readonly error?: string;
  readonly shown?: readonly string[];
  readonly more?: readonly string[];
}

/**
 * The subscription store: subscriptions, the delivery log and what each subscription has
 * received. Implemented over SQLite (src/store/create-sqlite-subscriptions.ts). Every
 * method is asynchronous (an engine may be across a network) and each write is one transaction.
 */
export interface SubscriptionStore {
  /** Creates or replaces the chat's subscription; an inactive one is revived and starts afresh. */
  subscribe(
    input: SubscriptionInput,
    now: Date,
  ): Promise<{ readonly subscription: Subscription; readonly created: boolean }>;
  /** Cancels the chat's subscription; false when it had no active one. */
  unsubscribe(platform: Platform, chatId: string, now: Date): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  byChat(platform: Platform, chatId: string): Promise<Subscription | null>;
  /** Every active subscription. */
  active(): Promise<Subscription[]>;
  /** Stops a subscription whose chat is gone. */
  disable(id: number, reason: string, now: Date): Promise<void>;

  /** Articles new to the subscription and not yet received; `welcome` newest ones count too while `sub.welcome`. */
  pending(
    sub: Subscription,
    options: {
      readonly limit: number;
      readonly welcome: number;
      /**
       * Which stories (each given as all its article ids) the subscription wants, one
       * answer per story: asked once for all pending stories, so a topic digest costs one
       * index lookup, not one per story.
       */
      readonly wanted?: (stories: readonly (readonly string[])[]) => Promise<readonly boolean[]>;
    },
  ): Promise<PendingArticles>;

  /**
   * Records that `slot` is being delivered, in one transaction, before anything is sent.
   * `duplicate`: already claimed (by this or an earlier process); `inactive`: not active.
   */
  claimSlot(id: number, slot: Date, now: Date): Promise<ClaimResult>;
  /** Forgets a claim whose send certainly did not happen (stopped while waiting to retry). */
  releaseSlot(id: number, slot: Date): Promise<void>;
  /** Ends a claimed slot; when `sent`, records its articles as received, in the same transaction. */
  finishSlot(id: number, slot: Date, result: SlotResult, now: Date): Promise<void>;
  delivery(id: number, slot: Date): Promise<DeliveryRecord | null>;
  /** The latest slot in the log, or null. */
  lastDelivery(id: number): Promise<DeliveryRecord | null>;
  /** The log, oldest slot first. */
  deliveries(id: number): Promise<DeliveryRecord[]>;
  /** Ids of the articles the subscription has received. */
  received(id: number): Promise<string[]>;
}
