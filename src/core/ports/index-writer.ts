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
  analyzerVersion(): number;
  setAnalyzerVersion(version: number): void;
  knownUnits(): Map<string, KnownUnit>;
  /**
   * True while work derived from the whole archive (the people directory) is owed: set in
   * the same transaction as any article change, cleared in the one that redoes it, so a
   * crash between the two is repaired by the next run instead of reported as "unchanged".
   */
  derivedPending(): boolean;
  setDerivedPending(pending: boolean): void;
  saveUnit(origin: string, stamp: string, skipped: readonly SkippedEntry[]): void;
  deleteUnit(origin: string): void;
  /** Inserts or replaces an article and all its derived rows. */
  upsertArticle(origin: string, hash: string, analyzed: AnalyzedArticle): void;
  /** Records that an unchanged article now comes from another unit (a file was renamed). */
  setArticleOrigin(id: string, origin: string): void;
  /**
   * Removes an article and all its derived rows; true when it existed. When it was first
   * indexed is kept, so the article restored later is not new to digests.
   */
  deleteArticle(id: string): boolean;
  articleCount(): number;
  /** Every quote's speaker, in a stable order, for the people rebuild. */
  allSpeakers(): { quoteNum: number; speaker: Speaker }[];
  /** Replaces the people directory and links each quote to its person. */
  replacePeople(people: readonly Person[], personOfQuote: ReadonlyMap<number, number>): void;
  transaction<T>(fn: () => T): T;
  /** Drops caches kept for the length of one index run (a long-running bot re-indexes rarely). */
  endRun(): void;
}
