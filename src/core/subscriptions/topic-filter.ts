import type { ArticleIndex } from '../ports/article-index.js';
import { buildMatchQuery } from '../search/build-match-query.js';
import type { SearchQuery } from '../search/search-query.js';

/** Which stories (each as all its article ids) to keep, one answer per story, decided in one index lookup. */
export type TopicFilter = (stories: readonly (readonly string[])[]) => Promise<boolean[]>;

/** Spellings read per name key for a topic, as search does. */
const MAX_VARIANT_ROWS = 200;

/**
 * What a topic digest keeps: a story (given as all its article ids) matching any of the
 * topics, with search's own matching (spelling variants, prefixes, diacritics). A topic
 * is one search: all its words. No topics (or none with a searchable word) keeps every
 * story, so a digest without topics is unchanged.
 */
export async function createTopicFilter(
  index: ArticleIndex,
  topics: readonly string[],
): Promise<TopicFilter | undefined> {
  const queries = await Promise.all(
    topics.map((topic) => buildMatchQuery(topic, (keys) => index.nameVariants(keys, MAX_VARIANT_ROWS))),
  );
  const searches = queries.filter((q) => q !== null).map((q) => q.query);
  if (searches.length === 0) return undefined;
  const query: SearchQuery = searches.length === 1 ? searches[0]! : { op: 'or', nodes: searches };
  // One lookup for every story's articles, then each story is kept when any of its articles matched.
  return async (stories) => {
    const matched = await index.matchingAmong(query, stories.flat());
    return stories.map((ids) => ids.some((id) => matched.has(id)));
  };
}
