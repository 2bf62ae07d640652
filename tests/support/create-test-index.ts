import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandHandler, createCommandHandler } from '../../src/core/commands/create-command-handler.js';
import { createMemoryPageStore } from '../../src/store/create-memory-page-store.js';
import { type Clock, systemClock } from '../../src/core/schedule/clock.js';
import {
  type SubscriptionCommands,
  createSubscriptionCommands,
} from '../../src/core/subscriptions/create-subscription-commands.js';
import type { SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { type IndexReport, indexCorpus } from '../../src/core/indexing/index-corpus.js';
import type { ArticleIndex } from '../../src/core/ports/article-index.js';
import { createFileCorpusSource } from '../../src/ingest/create-file-corpus-source.js';
import { createSqliteArticleIndex } from '../../src/store/create-sqlite-article-index.js';
import { createSqliteIndexWriter } from '../../src/store/create-sqlite-index-writer.js';
import { createSqliteStoryStore } from '../../src/store/create-sqlite-story-store.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';

/** The seed corpus fixture (tests/fixtures/README.md). */
export const FIXTURE_CORPUS = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

export interface TestIndex {
  readonly dir: string;
  readonly corpusDir: string;
  readonly dbFile: string;
  readonly db: Db;
  readonly index: ArticleIndex;
  readonly handler: CommandHandler;
  readonly subscriptionStore: SubscriptionStore;
  readonly subscriptions: SubscriptionCommands;
  readonly report: IndexReport;
  /** Re-runs the incremental indexer over `corpusDir`. */
  reindex(): Promise<IndexReport>;
  close(): void;
}

/** How a test index is set up; everything is optional. */
export interface TestIndexOptions {
  /** Time for subscribing and for the indexer's `indexed_at` (default: the system clock). */
  readonly clock?: Clock;
  /** Time zone a `subscribe` without one gets (default UTC). */
  readonly timezone?: string;
  /** Told after subscribe / unsubscribe changed something: what main.ts wires to `scheduler.refresh()`. */
  readonly onSubscriptionChange?: () => void;
}

/**
 * A real SQLite file in a temp directory, indexed from a copy of the seed corpus (the
 * copy may be edited by the test). Close it in `afterAll`/`afterEach`.
 */
export async function createTestIndex(options: TestIndexOptions = {}): Promise<TestIndex> {
  const dir = mkdtempSync(join(tmpdir(), 'nashra-test-'));
  const corpusDir = join(dir, 'corpus');
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const dbFile = join(dir, 'nashra.sqlite');
  const db = openDatabase(dbFile);
  const clock = options.clock;
  const writer = createSqliteIndexWriter(db, clock ? () => clock.now() : undefined);
  const source = createFileCorpusSource(corpusDir);
  const reindex = () => indexCorpus({ source, writer, stories: createSqliteStoryStore(db) });
  const report = await reindex();
  const index = createSqliteArticleIndex(db);
  const subscriptionStore = createSqliteSubscriptions(db);
  const subscriptions = createSubscriptionCommands({
    store: subscriptionStore,
    index,
    clock: clock ?? systemClock,
    defaultTimezone: options.timezone ?? 'UTC',
    ...(options.onSubscriptionChange ? { onChange: options.onSubscriptionChange } : {}),
  });
  const handler = createCommandHandler({ index, pages: createMemoryPageStore(), subscriptions });
  return {
    dir,
    corpusDir,
    dbFile,
    db,
    index,
    handler,
    subscriptionStore,
    subscriptions,
    report,
    reindex,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
