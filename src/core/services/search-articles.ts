import { UsageError } from '../errors/nashra-error.js';
import type { ArticleIndex } from '../ports/article-index.js';
import { type MatchQuery, type QueryTerm, buildMatchQuery } from '../search/build-match-query.js';
import { type Snippet, makeSnippet } from '../search/make-snippet.js';

/** One search result as every surface shows it. */
export interface SearchResult {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly score: number;
  readonly snippet: Snippet;
  /** The other articles of its story: the same story from other sources. */
  readonly also: readonly string[];
}

/** A page of results (one per story), with the number of stories for "page 1 of N". */
export interface SearchPage {
  readonly query: string;
  readonly terms: readonly QueryTerm[];
  readonly results: readonly SearchResult[];
  readonly total: number;
}

/** Query text beyond this is ignored: enough for any topic, cheap to tokenize. */
export const MAX_QUERY_CHARS = 300;
/** Counting matches stops here: "page 1 of 40+" is as useful as the exact figure, and cheaper. */
export const MAX_COUNTED_MATCHES = 200;
export const DEFAULT_SEARCH_LIMIT = 10;
/** Spellings read per name key before the closest are chosen. */
const MAX_VARIANT_ROWS = 200;

/** A topic as a structured search, with the corpus's spellings of its names: null when nothing in it is searchable. */
export function topicQuery(index: ArticleIndex, text: string): Promise<MatchQuery | null> {
  return buildMatchQuery(text, (keys) => index.nameVariants(keys, MAX_VARIANT_ROWS));
}

/**
 * Topic lookup: ranked articles with a highlighted snippet. Empty text is a usage error;
 * text with nothing searchable in it (`"`, `*`, emoji) is a valid search that finds nothing.
 */
export async function searchArticles(
  index: ArticleIndex,
  query: string,
  options: { limit?: number; offset?: number } = {},
): Promise<SearchPage> {
  const text = query.trim().slice(0, MAX_QUERY_CHARS);
  if (text === '') throw new UsageError('empty query');
  const match = await topicQuery(index, text);
  if (!match) return { query: text, terms: [], results: [], total: 0 };
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = options.offset ?? 0;
  const hits = await index.search(match.query, limit, offset);
  const sentences = await Promise.all(hits.map((h) => index.getSentences(h.id)));
  const results = hits.map((h, i) => ({
    id: h.id,
    title: h.title,
    date: h.date,
    url: h.url,
    score: h.score,
    snippet: makeSnippet(
      sentences[i]!.map((s) => s.text),
      match,
    ),
    also: h.also,
  }));
  const total =
    offset === 0 && hits.length < limit ? hits.length : await index.countMatches(match.query, MAX_COUNTED_MATCHES);
  return { query: text, terms: match.terms, results, total };
}
