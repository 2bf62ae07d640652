import type { SpeakerKind } from '../quotes/quote.js';

/** An article as listed to users. */
export interface ArticleSummaryRow {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly url: string | null;
}

/** One full-text hit, best first. */
export interface SearchHit extends ArticleSummaryRow {
  /** Relevance, higher is better (negated FTS5 bm25). */
  readonly score: number;
}

/** A sentence as stored, with its index-time summary score. */
export interface StoredSentence {
  readonly text: string;
  readonly score: number;
  /**
   * False for a heading, caption, dateline, byline, teaser or fragment, decided at index
   * time: such a sentence is never a summary sentence (it may still be a search snippet).
   */
  readonly summarizable: boolean;
}

/** A quote as stored, attributed to a speaker. */
export interface StoredQuote {
  readonly speaker: string;
  readonly speakerKind: SpeakerKind;
  readonly text: string;
  readonly articleId: string;
  readonly articleTitle: string;
  /** Summary score of the sentence that holds it: how central the quote is to its article. */
  readonly weight: number;
}

/** A person (or body) in the directory. */
export interface PersonRow {
  readonly num: number;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: SpeakerKind;
  readonly quotes: number;
}

/** A person found by lookup keys, with the keys that matched. */
export interface PersonKeyHit extends PersonRow {
  readonly matchedKeys: readonly string[];
}

/**
 * The read side of the index: everything a chat command needs, each call a lookup.
 * Implemented over SQLite by the store; core code only sees this port.
 */
export interface ArticleIndex {
  /** The corpus's spellings of each phonetic name key (see `nameWords`), at most `limit` per key. */
  nameVariants(keys: readonly string[], limit: number): Map<string, string[]>;
  /** Runs a MATCH expression from `buildMatchQuery`; best first. */
  search(expression: string, limit: number, offset: number): SearchHit[];
  /** How many articles match (for "page 1 of N"), capped at `cap`. */
  countMatches(expression: string, cap: number): number;
  getArticle(id: string): ArticleSummaryRow | null;
  /** Sentences in article order. */
  getSentences(id: string): StoredSentence[];
  /** Newest first: by date when known, else by when they were indexed. */
  latest(limit: number, offset: number): ArticleSummaryRow[];
  countArticles(): number;
  /** Articles indexed after `since` (ISO-8601), newest first. */
  indexedSince(since: string | null, limit: number): ArticleSummaryRow[];
  /** Every person one of whose lookup keys is in `keys`. */
  findPeopleByKeys(keys: readonly string[]): PersonKeyHit[];
  /** Most quoted first. */
  people(limit: number, offset: number): PersonRow[];
  /** People one of whose name words starts with `prefix` (normalized), most quoted first: autocomplete. */
  peopleByNamePrefix(prefix: string, limit: number): PersonRow[];
  countPeople(): number;
  quotesOf(personNum: number, limit: number, offset: number): StoredQuote[];
  /** The most notable quote of an article (by a named speaker when there is one), or null. */
  topQuote(articleId: string): StoredQuote | null;
}
