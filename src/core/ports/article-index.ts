import type { SpeakerKind } from '../quotes/quote.js';
import type { SearchQuery } from '../search/search-query.js';

/** An article as listed to users. */
export interface ArticleSummaryRow {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly url: string | null;
}

/** A story as listed: its representative article and the story's other articles. */
export interface StoryRow extends ArticleSummaryRow {
  /** The other articles of its story (empty when it has none). */
  readonly also: readonly string[];
}

/** One full-text hit, best first. */
export interface SearchHit extends ArticleSummaryRow {
  /** Relevance, higher is better (the engine's own score, e.g. negated bm25 on SQLite): the story's best-matching copy. */
  readonly score: number;
  /** The other articles of its story (empty when it has none), in index order. */
  readonly also: readonly string[];
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
  /** Other articles with the same words from the same speaker (copies of one story): one quote. */
  readonly also: readonly string[];
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
  nameVariants(keys: readonly string[], limit: number): Promise<Map<string, string[]>>;
  /**
   * Runs a search from `buildMatchQuery` (each engine renders it): one hit per story, its representative
   * (the fullest copy), ranked by the story's best-matching copy; best first. `limit` and
   * `offset` count stories.
   */
  search(query: SearchQuery, limit: number, offset: number): Promise<SearchHit[]>;
  /** How many stories match (for "page 1 of N"), counted over at most `cap` matching articles. */
  countMatches(query: SearchQuery, cap: number): Promise<number>;
  getArticle(id: string): Promise<ArticleSummaryRow | null>;
  /** Which of `ids` match a search from `buildMatchQuery` (topic digests): one lookup for them all. */
  matchingAmong(query: SearchQuery, ids: readonly string[]): Promise<Set<string>>;
  /** The other articles of an article's story, in index order (empty when it has none). */
  storyOthers(id: string): Promise<string[]>;
  /** Sentences in article order. */
  getSentences(id: string): Promise<StoredSentence[]>;
  /** Newest first: by date when known, else by when they were indexed. */
  latest(limit: number, offset: number): Promise<ArticleSummaryRow[]>;
  countArticles(): Promise<number>;
  /**
   * Stories with an article indexed after `since` (ISO-8601), newest first, each as its
   * representative when that is new too, else as its newest new copy.
   */
  indexedSince(since: string | null, limit: number): Promise<StoryRow[]>;
  /** Every person one of whose lookup keys is in `keys`. */
  findPeopleByKeys(keys: readonly string[]): Promise<PersonKeyHit[]>;
  /** Most quoted first. */
  people(limit: number, offset: number): Promise<PersonRow[]>;
  /** People one of whose name words starts with `prefix` (normalized), most quoted first: autocomplete. */
  peopleByNamePrefix(prefix: string, limit: number): Promise<PersonRow[]>;
  countPeople(): Promise<number>;
  /** A person's distinct quotes: the same words in several copies are one quote, its other articles in `also`. */
  quotesOf(personNum: number, limit: number, offset: number): Promise<StoredQuote[]>;
  /** The most notable quote of an article (by a named speaker when there is one), or null. */
  topQuote(articleId: string): Promise<StoredQuote | null>;
}
