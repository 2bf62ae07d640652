import { existsSync, renameSync, rmSync } from 'node:fs';
import { type IndexReport, indexCorpus } from '../core/indexing/index-corpus.js';
import { createFileCorpusSource } from '../ingest/create-file-corpus-source.js';
import { createLazyAnalyzer } from '../ingest/create-lazy-analyzer.js';
import { createSqliteIndexWriter } from '../store/create-sqlite-index-writer.js';
import { createSqliteStoryStore } from '../store/create-sqlite-story-store.js';
import { tryIndexLock } from '../store/index-lock.js';
import { openDatabase } from '../store/open-database.js';
import { indexBusy } from './open-index.js';
import { isPostgresUrl, sqliteOnly } from './open-storage.js';

/** What `index --rebuild` did, beyond the index report. */
export interface RebuildReport extends IndexReport {
  /** Where the previous file was moved to (kept until someone deletes it). */
  readonly previous: string | null;
  /** Rows carried over from the previous file, per table; a table it could not read is missing. */
  readonly kept: Record<string, number>;
}

/** Tables that are not derived from the corpus and survive a rebuild, in foreign-key order. */
const KEPT_TABLES = [
  'subscriptions',
  'deliveries',
  'subscription_articles',
  'article_tombstones',
  'handed_back_updates',
] as const;

/** Suffix of the previous database file after a rebuild. */
export const PREVIOUS_SUFFIX = '.before-rebuild';

/**
 * Rebuilds everything derived from the corpus into a new file, then swaps it in. The
 * subscriptions, delivery log and when each article was first indexed are copied from the
 * old file table by table, so a damaged index page loses nothing else, and rebuilt
 * articles are not new to digests. The old file is kept as `<db>.before-rebuild`.
 */
export async function rebuildDatabase(options: {
  corpus: string;
  db: string;
  workers?: number;
  warn?: (m: string) => void;
}): Promise<RebuildReport> {
  const { db: file } = options;
  if (isPostgresUrl(file))
    throw sqliteOnly('index --rebuild', 'restore a pg_dump backup or re-index into a fresh database');
  const lock = tryIndexLock(file);
  if (!lock) throw indexBusy(file);
  const fresh = `${file}.rebuilding`;
  try {
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) rmSync(f, { force: true });
    const db = openDatabase(fresh);
    const kept: Record<string, number> = {};
    try {
      if (existsSync(file) && attach(db, file, options.warn)) {
        for (const table of KEPT_TABLES) kept[table] = copyTable(db, table, options.warn);
        // When each article was first indexed, from the old articles themselves.
        kept.indexed_at = copyRows(
          db,
          'INSERT OR REPLACE INTO main.article_tombstones (id, indexed_at, removed_at) SELECT id, indexed_at, ? FROM old.articles',
          [new Date().toISOString()],
          'articles',
          options.warn,
        );
        db.exec('DETACH DATABASE old');
      }
      const analyzer = createLazyAnalyzer(options.workers);
      let report: IndexReport;
      try {
        report = await indexCorpus({
          source: createFileCorpusSource(options.corpus),
          writer: createSqliteIndexWriter(db),
          stories: createSqliteStoryStore(db),
          analyze: (a) => analyzer.analyze(a),
          analysisDone: () => analyzer.close(),
          prune: true,
        });
      } finally {
        await analyzer.close();
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const previous = existsSync(file) ? `${file}${PREVIOUS_SUFFIX}` : null;
      if (previous)
        for (const ext of ['', '-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, previous + ext);
      renameSync(fresh, file);
      rmSync(`${fresh}-wal`, { force: true });
      rmSync(`${fresh}-shm`, { force: true });
      return { ...report, previous, kept };
    } finally {
      if (db.open) db.close();
    }
  } finally {
    lock.release();
  }
}

function attach(db: ReturnType<typeof openDatabase>, file: string, warn?: (m: string) => void): boolean {
  try {
    db.prepare('ATTACH DATABASE ? AS old').run(file);
    db.prepare('SELECT count(*) FROM old.sqlite_schema').get();
    return true;
  } catch (err) {
    warn?.(
      `could not read the previous database ${file} (${(err as Error).message}): subscriptions must be restored from a backup`,
    );
    try {
      db.exec('DETACH DATABASE old');
    } catch {
      // never attached
    }
    return false;
  }
}

function copyTable(db: ReturnType<typeof openDatabase>, table: string, warn?: (m: string) => void): number {
  return copyRows(db, `INSERT OR REPLACE INTO main.${table} SELECT * FROM old.${table}`, [], table, warn);
}

function copyRows(
  db: ReturnType<typeof openDatabase>,
  sql: string,
  params: unknown[],
  table: string,
  warn?: (m: string) => void,
): number {
  try {
    return db.transaction(() => db.prepare(sql).run(...params).changes)();
  } catch (err) {
    warn?.(`could not copy ${table} from the previous database: ${(err as Error).message}`);
    return 0;
  }
}
