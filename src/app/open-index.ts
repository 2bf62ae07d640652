import { type IndexReport, indexCorpus } from '../core/indexing/index-corpus.js';
import { NashraError } from '../core/errors/nashra-error.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import { createFileCorpusSource } from '../ingest/create-file-corpus-source.js';
import { createLazyAnalyzer } from '../ingest/create-lazy-analyzer.js';
import type { IndexWriter } from '../core/ports/index-writer.js';
import type { Storage } from '../core/ports/storage.js';
import { openStorage } from './open-storage.js';

/** An open index and the means to refresh it. */
export interface OpenIndex {
  /** Everything stored, on whichever engine `--db` named. */
  readonly storage: Storage;
  readonly index: ArticleIndex;
  /** The report of the index run done on opening (all zero when none could run). */
  readonly report: IndexReport;
  /**
   * Why the answers may not reflect the corpus (another process is indexing, the database
   * is read-only), or null when the index was brought up to date on opening.
   */
  readonly stale: string | null;
  /** Re-runs the incremental indexer (corpus changes while running); BUSY while another process indexes. */
  reindex(): Promise<IndexReport>;
  close(): Promise<void>;
}

/** How `openIndex` treats the index. */
export interface OpenIndexOptions {
  readonly corpus: string;
  readonly db: string;
  readonly now?: () => Date;
  /** Analyzer threads for large runs (default: one per core). */
  readonly workers?: number;
  /**
   * `write` (`index`, the bot): indexing must happen; another run in progress is a BUSY
   * error. `read` (search, summary, …): index when possible, else answer from the index as
   * it stands and say so in `stale` — a reader never waits on a writer.
   */
  readonly mode?: 'write' | 'read';
  /** Run `PRAGMA quick_check` on opening (start-up of the bot, `index`). Also run after a crash. */
  readonly check?: boolean;
  /** Remove articles gone from the corpus even past the safe-removal limit. */
  readonly prune?: boolean;
  /** Analyze on a worker thread from the first article of a rescan (a running bot). */
  readonly background?: boolean;
  /** Why removals were held back, and similar warnings. */
  readonly warn?: (message: string) => void;
}

const EMPTY_REPORT: IndexReport = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: [], articles: 0 };

/** The storage's index writer; a STORE error naming it when it is read-only (feeds cannot be fetched into it). */
export function writableIndex(storage: Storage): IndexWriter {
  if (!storage.writer) throw new NashraError('STORE', `database ${storage.location} is read-only`);
  return storage.writer;
}

/** Error for a second writer: another process holds the index lock. */
export function indexBusy(db: string): NashraError {
  return new NashraError('BUSY', `another nashra process is indexing ${db}; try again when it has finished`);
}

/**
 * Opens the database and brings it up to date with the corpus: wiring shared by the CLI
 * and the bot. Only the holder of the index lock writes; readers open the file as it is.
 */
export async function openIndex(options: OpenIndexOptions): Promise<OpenIndex> {
  const mode = options.mode ?? 'write';
  const storage = await openStorage(options.db, { now: options.now });
  try {
    const { writer } = storage;
    if (!writer && mode === 'write')
      throw new NashraError(
        'STORE',
        `database ${storage.location} is read-only: it cannot be indexed here (read commands still work)`,
      );
    // A run that died left derived work pending: the file may have been cut off mid-write too.
    if (options.check || (await writer?.derivedPending())) await storage.check();
    const source = createFileCorpusSource(options.corpus);
    let runs = 0;
    const reindex = async (): Promise<IndexReport> => {
      if (!writer) throw new NashraError('STORE', `database ${storage.location} is read-only`);
      const lock = await storage.tryIndexLock();
      if (!lock) throw indexBusy(storage.location);
      const analyzer = createLazyAnalyzer(options.workers, options.background && runs > 0 ? 0 : undefined);
      runs++;
      try {
        return await indexCorpus({
          source,
          writer,
          stories: storage.stories,
          analyze: (a) => analyzer.analyze(a),
          analysisDone: () => analyzer.close(),
          prune: options.prune,
          warn: options.warn,
        });
      } finally {
        await analyzer.close();
        await lock.release();
      }
    };
    let report = EMPTY_REPORT;
    let stale: string | null = null;
    if (!writer) stale = `database ${storage.location} is read-only: answers come from the index as it stands`;
    else {
      try {
        report = await reindex();
      } catch (err) {
        if (!(err instanceof NashraError && err.code === 'BUSY') || mode === 'write') throw err;
        stale =
          'another nashra process is indexing: answers come from the index as it stands and may miss its latest changes';
      }
    }
    const { index } = storage;
    if (stale) report = { ...report, articles: await index.countArticles() };
    return { storage, index, report, stale, reindex, close: () => storage.close() };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
