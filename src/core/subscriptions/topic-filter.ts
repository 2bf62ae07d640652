import type { ArticleIndex } from '../ports/article-index.js';
import { buildMatchQuery } from '../search/build-match-query.js';

/** Spellings read per name key for a topic, as search does. */
const MAX_VARIANT_ROWS = 200;

/**
 * What a topic digest keeps: a story (given as all its article ids) matching any of the
 * topics, with search's own matching (spelling variants, prefixes, diacritics). A topic
 * is one search: all its words. No topics (or none with a searchable word) keeps every
 * story, so a digest without topics is unchanged.
 */
export function createTopicFilter(
  index: ArticleIndex,
  topics: readonly string[],
): ((storyIds: readonly string[]) => boolean) | undefined {
  const expressions = topics
    .map((topic) => buildMatchQuery(topic, (keys) => index.nameVariants(keys, MAX_VARIANT_ROWS))?.expression)
    .filter((e): e is string => e !== undefined && e !== '');
  if (expressions.length === 0) return undefined;
  const expression = expressions.map((e) => `(${e})`).join(' OR ');
  return (ids) => index.matchingAmong(expression, ids).size > 0;
}
