import type { Storage } from '../core/ports/storage.js';
import { quickCheck } from './check-database.js';
import { createMemoryPageStore } from './create-memory-page-store.js';
import { createSqliteArticleIndex } from './create-sqlite-article-index.js';
import { createSqliteFeedStore } from './create-sqlite-feed-store.js';
import { createSqliteLeases } from './create-sqlite-leases.js';
import { createSqliteHandedBackUpdates } from './create-sqlite-handed-back-updates.js';
import { type Now, createSqliteIndexWriter } from './create-sqlite-index-writer.js';
import { createSqliteStoryStore } from './create-sqlite-story-store.js';
import { createSqliteSubscriptions } from './create-sqlite-subscriptions.js';
import { createSqlitePageStore } from './create-sqlite-page-store.js';
import { createSqliteUpdateLedger } from './create-sqlite-update-ledger.js';
import { tryIndexLock } from './index-lock.js';
import { type Db, isReadOnlyPath, openDatabase } from './open-database.js';

/** How a SQLite storage is opened. */
export interface SqliteStorageOptions {
  /** Open read-only; default: read-only exactly when the file (or its folder) cannot be written. */
  readonly readonly?: boolean;
  /** Clock for `indexed_at` (tests make "new" articles deterministic). */
  readonly now?: Now;
}

/** A SQLite storage, with its connection for the SQLite-only tools (backup, rebuild, bench). */
export interface SqliteStorage extends Storage {
  readonly engine: 'sqlite';
  readonly db: Db;
}

/**
 * Opens (creating and migrating as needed) the SQLite file as a {@link Storage}: every port
 * over one better-sqlite3 connection, so their calls answer at once and a write transaction
 * sees the indexer's own writes. The index lock is the `<file>.index-lock` file.
 */
export async function openSqliteStorage(file: string, options: SqliteStorageOptions = {}): Promise<SqliteStorage> {
  const readonly = options.readonly ?? isReadOnlyPath(file);
  const db = openDatabase(file, { readonly });
  return {
    engine: 'sqlite',
    location: file,
    db,
    index: createSqliteArticleIndex(db),
    writer: readonly ? null : createSqliteIndexWriter(db, options.now),
    stories: createSqliteStoryStore(db),
    subscriptions: createSqliteSubscriptions(db),
    feeds: createSqliteFeedStore(db),
    handedBack: createSqliteHandedBackUpdates(db),
    updates: createSqliteUpdateLedger(db),
    leases: createSqliteLeases(db),
    // A read-only file cannot keep pages: they live in this process's memory instead.
    pages: readonly ? createMemoryPageStore() : createSqlitePageStore(db),
    async tryIndexLock() {
      const lock = tryIndexLock(file);
      return lock && { release: async () => lock.release() };
    },
    async check() {
      quickCheck(db, file);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
