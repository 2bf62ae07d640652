import { type IndexReport, indexCorpus } from '../core/indexing/index-corpus.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import { createFileCorpusSource } from '../ingest/create-file-corpus-source.js';
import { createLazyAnalyzer } from '../ingest/create-lazy-analyzer.js';
import { createSqliteArticleIndex } from '../store/create-sqlite-article-index.js';
import { createSqliteIndexWriter } from '../store/create-sqlite-index-writer.js';
import { type Db, openDatabase } from '../store/open-database.js';

/** An open, up-to-date index and the means to refresh it. */
export interface OpenIndex {
  readonly db: Db;
  readonly index: ArticleIndex;
  /** The report of the index run done on opening. */
  readonly report: IndexReport;
  /** Re-runs the incremental indexer (corpus changes while running). */
  reindex(): Promise<IndexReport>;
  close(): void;
}

/**
 * Opens the database and brings it up to date with the corpus: wiring shared by the CLI
 * and the bot. Large runs analyze on `workers` threads (default: one per core).
 */
export async function openIndex(options: { corpus: string; db: string; now?: () => Date; workers?: number }): Promise<OpenIndex> {
  const db = openDatabase(options.db);
  try {
    const source = createFileCorpusSource(options.corpus);
    const writer = createSqliteIndexWriter(db, options.now);
    const reindex = async () => {
      const analyzer = createLazyAnalyzer(options.workers);
      try {
        return await indexCorpus({ source, writer, analyze: (a) => analyzer.analyze(a) });
      } finally {
        await analyzer.close();
      }
    };
    const report = await reindex();
    return { db, index: createSqliteArticleIndex(db), report, reindex, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
