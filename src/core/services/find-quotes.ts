import { UsageError } from '../errors/nashra-error.js';
import { personQueryKeys } from '../people/person-query-keys.js';
import type { ArticleIndex, PersonRow, StoredQuote } from '../ports/article-index.js';

/** The person a lookup found, and a page of their quotes. */
export interface QuotesPage {
  readonly query: string;
  readonly person: PersonRow | null;
  readonly quotes: readonly StoredQuote[];
  readonly total: number;
}

export const DEFAULT_QUOTES_LIMIT = 10;
/** A person lookup longer than this is not a name. */
export const MAX_PERSON_QUERY_CHARS = 120;

/**
 * Finds the person a user means (full name, last name, a spelling variant, Latin
 * script) through precomputed lookup keys, and reads back their stored quotes.
 */
export async function findPerson(index: ArticleIndex, query: string): Promise<PersonRow | null> {
  const keys = personQueryKeys(query);
  if (keys.length === 0) return null;
  const weightOf = new Map(keys.map((k) => [k.key, k.weight]));
  let best: { person: PersonRow; score: number } | null = null;
  for (const hit of await index.findPeopleByKeys([...weightOf.keys()])) {
    const score = hit.matchedKeys.reduce((sum, k) => sum + (weightOf.get(k) ?? 0), 0);
    if (score <= 0) continue;
    if (!best || score > best.score || (score === best.score && hit.quotes > best.person.quotes))
      best = { person: hit, score };
  }
  return best?.person ?? null;
}

/** `quotes <person>`: an empty query is a usage error; an unknown person is an empty result. */
export async function findQuotes(
  index: ArticleIndex,
  query: string,
  options: { limit?: number; offset?: number } = {},
): Promise<QuotesPage> {
  const text = query.trim().slice(0, MAX_PERSON_QUERY_CHARS);
  if (text === '') throw new UsageError('empty name');
  const person = await findPerson(index, text);
  if (!person) return { query: text, person: null, quotes: [], total: 0 };
  const quotes = await index.quotesOf(person.num, options.limit ?? DEFAULT_QUOTES_LIMIT, options.offset ?? 0);
  return { query: text, person, quotes, total: person.quotes };
}
