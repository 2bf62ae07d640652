import type { Storage } from '../../core/ports/storage.js';
import { checkPostgresDatabase } from './check-postgres-database.js';
import { createPgPool, redactPostgresUrl, unreachable } from './create-pg-pool.js';
import { createPgSession } from './create-pg-session.js';
import { createPostgresArticleIndex } from './create-postgres-article-index.js';
import { createPostgresFeedStore } from './create-postgres-feed-store.js';
import { createPostgresLeases } from './create-postgres-leases.js';
import { createPostgresHandedBackUpdates } from './create-postgres-handed-back-updates.js';
import { type Now, createPostgresIndexWriter } from './create-postgres-index-writer.js';
import { createPostgresUpdateLedger } from './create-postgres-update-ledger.js';
import { createPostgresPageStore } from './create-postgres-page-store.js';
import { createPostgresStoryStore } from './create-postgres-story-store.js';
import { createPostgresSubscriptions } from './create-postgres-subscriptions.js';
import { migratePostgres } from './migrate-postgres.js';
import { tryPostgresIndexLock } from './try-postgres-index-lock.js';

/** How to open a PostgreSQL database. */
export interface OpenPostgresOptions {
  /** No writer: answer from the database as it stands (a read replica, a read-only role). */
  readonly readonly?: boolean;
  /** Clock for `indexed_at` (tests). */
  readonly now?: Now;
  /** Told about a pooled connection that broke while idle (a restarted server). */
  readonly onConnectionError?: (err: Error) => void;
}

/**
 * Connects to PostgreSQL, migrates the schema (one instance at a time) and returns every
 * store over two pools (the index's reads apart, see `READ_SETTINGS`). The index writer and story store share a session so story writes
 * join the writer's transactions; readers use other pooled connections and never wait on
 * an index run.
 */
export async function openPostgresStorage(url: string, options: OpenPostgresOptions = {}): Promise<Storage> {
  const location = redactPostgresUrl(url);
  const pool = createPgPool(url, options.onConnectionError);
  const reads = createPgPool(url, options.onConnectionError, true);
  const end = () => Promise.all([pool.end(), reads.end()]).catch(() => {});
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await end();
    throw unreachable(url, err);
  }
  try {
    await migratePostgres(pool, location);
  } catch (err) {
    await end();
    throw err;
  }
  const session = createPgSession(pool);
  const writer = createPostgresIndexWriter(session, options.now);
  return {
    engine: 'postgres',
    location,
    index: createPostgresArticleIndex(createPgSession(reads)),
    writer: options.readonly ? null : writer,
    stories: createPostgresStoryStore(session, writer.settle),
    subscriptions: createPostgresSubscriptions(session),
    feeds: createPostgresFeedStore(session),
    handedBack: createPostgresHandedBackUpdates(session),
    pages: createPostgresPageStore(session),
    updates: createPostgresUpdateLedger(session),
    leases: createPostgresLeases(session),
    tryIndexLock: () => tryPostgresIndexLock(url),
    check: () => checkPostgresDatabase(pool, location),
    async close() {
      await writer.idle();
      await Promise.all([pool.end(), reads.end()]);
    },
  };
}
