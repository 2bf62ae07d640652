import type { AnalyzedArticle } from '../analysis/analyze-article.js';
import type { Person } from '../people/person.js';
import type { Speaker } from '../quotes/quote.js';
import type { SkippedEntry } from './corpus-source.js';

/** What the index knows of a unit from the last run. */
export interface KnownUnit {
  readonly stamp: string;
  /** Article id → content hash, for every article the unit held. */
  readonly articles: ReadonlyMap<string, string>;
  /** What could not be read from it last time, reported again while the unit is unchanged. */
  readonly skipped: readonly SkippedEntry[];
}

/**
 * The write side of the index, used only by the indexer. Writes are grouped in
 * `transaction` so that a crash leaves the index as it was before the batch.
 */
export interface IndexWriter {
  /** The analyzer version the stored analysis was made with (0 for an empty index). */
  analyzerVersion(): Promise<number>;
  setAnalyzerVersion(version: number): Promise<void>;
  knownUnits(): Promise<Map<string, KnownUnit>>;
  /**
   * True while work derived from the whole archive (the people directory) is owed: set in
   * the same transaction as any article change, cleared in the one that redoes it, so a
   * crash between the two is repaired by the next run instead of reported as "unchanged".
   */
  derivedPending(): Promise<boolean>;
  setDerivedPending(pending: boolean): Promise<void>;
  saveUnit(origin: string, stamp: string, skipped: readonly SkippedEntry[]): Promise<void>;
  deleteUnit(origin: string): Promise<void>;
  /** Inserts or replaces an article and all its derived rows. */
  upsertArticle(origin: string, hash: string, analyzed: AnalyzedArticle): Promise<void>;
  /** Records that an unchanged article now comes from another unit (a file was renamed). */
  setArticleOrigin(id: string, origin: string): Promise<void>;
  /**
   * Removes an article and all its derived rows; true when it existed. When it was first
   * indexed is kept, so the article restored later is not new to digests.
   */
  deleteArticle(id: string): Promise<boolean>;
  articleCount(): Promise<number>;
  /** Every quote's speaker, in a stable order, for the people rebuild. */
  allSpeakers(): Promise<{ quoteNum: number; speaker: Speaker }[]>;
  /** Replaces the people directory and links each quote to its person. */
  replacePeople(people: readonly Person[], personOfQuote: ReadonlyMap<number, number>): Promise<void>;
  /**
   * Runs `fn` in one write transaction: committed when its promise resolves, rolled back
   * when it rejects. `fn` must only await this writer's (and its story store's) calls:
   * nothing else may run statements on the connection meanwhile. Not reentrant: calling
   * `transaction` inside `fn` is an error; concurrent calls from other tasks wait their turn.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Ends an index run: drops caches kept for its length (a long-running bot re-indexes
   * rarely) and tidies what the engine deferred (PostgreSQL merges its search index's
   * pending entries and refreshes statistics), so searches after the run are at full speed.
   */
  endRun(): Promise<void>;
}
