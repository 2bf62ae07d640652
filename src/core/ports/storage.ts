import type { ArticleIndex } from './article-index.js';
import type { FeedStore } from './feed-store.js';
import type { HandedBackUpdates } from './handed-back-updates.js';
import type { IndexWriter } from './index-writer.js';
import type { PageStore } from './page-store.js';
import type { StoryStore } from './story-store.js';
import type { SubscriptionStore } from './subscription-store.js';
import type { Leases } from './leases.js';
import type { UpdateLedger } from './update-ledger.js';

/** The storage engines nashra runs on: SQLite embedded in one process, PostgreSQL beside many. */
export type StorageEngine = 'sqlite' | 'postgres';

/** The exclusive right to index, held until released (or until the process dies). */
export interface IndexLockHandle {
  release(): Promise<void>;
}

/**
 * Everything nashra keeps, behind one handle, so that entry points (bot, CLI, bench)
 * choose an engine once (`openStorage`) and never hold a database connection themselves:
 * the same wiring runs on a SQLite file or a PostgreSQL URL. Each port is engine-neutral
 * and asynchronous; an adapter implements all of them over one connection (or pool).
 */
export interface Storage {
  readonly engine: StorageEngine;
  /** Where it lives, for messages (a file path, or a URL with the password removed). */
  readonly location: string;
  /** The read side: every chat command is lookups here. */
  readonly index: ArticleIndex;
  /** The write side for the indexer and the feed reader; null when the storage is read-only. */
  readonly writer: IndexWriter | null;
  readonly stories: StoryStore;
  readonly subscriptions: SubscriptionStore;
  readonly feeds: FeedStore;
  readonly handedBack: HandedBackUpdates;
  /**
  /**
   * Which chat updates are being answered (webhook mode: one delivered twice is answered
   * once), shared by every instance on the database.
   */
  readonly updates: UpdateLedger;
  /**
   * Who does the jobs only one instance may do at a time (long-polling Telegram, polling
   * feeds), until when; shared by every instance on the database.
   */
  readonly leases: Leases;
  /**
   * List states behind pager buttons, in the database so a button pressed on a message one
   * process sent works in another sharing it (in memory only for a read-only SQLite file).
   */
  readonly pages: PageStore;
  /**
   * The exclusive right to index (a lock file next to the SQLite database, an advisory lock
   * on PostgreSQL), taken without waiting; null when another process holds it.
   */
  tryIndexLock(): Promise<IndexLockHandle | null>;
  /** Integrity check (SQLite's quick_check); throws the CORRUPT error naming the way out. */
  check(): Promise<void>;
  /** Closes the connection; nothing may be called afterwards. */
  close(): Promise<void>;
}
