import type { ArticleIndex, StoryRow } from '../ports/article-index.js';
import { selectSummary } from '../summary/select-summary.js';
import { createTopicFilter } from '../subscriptions/topic-filter.js';

/** One digest entry: what a reader needs to decide whether to open the article. */
export interface DigestItem {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly summary: readonly string[];
  readonly quote: { readonly speaker: string; readonly text: string } | null;
  /** The other articles of its story: the item stands for all of them. */
  readonly also: readonly string[];
}

/** Sentences per digest item: a digest is a list to skim, not a stack of summaries. */
export const DIGEST_SUMMARY_SENTENCES = 2;
export const DEFAULT_DIGEST_LIMIT = 10;

/** Builds digest items for the given articles, from stored scores and quotes only. */
export function digestItems(index: ArticleIndex, articles: readonly StoryRow[]): Promise<DigestItem[]> {
  return Promise.all(
    articles.map(async (a) => {
      const [sentences, q] = await Promise.all([index.getSentences(a.id), index.topQuote(a.id)]);
      const summary = selectSummary(sentences, { sentences: DIGEST_SUMMARY_SENTENCES }).map((i) => sentences[i]!.text);
      return {
        id: a.id,
        title: a.title,
        date: a.date,
        url: a.url,
        summary,
        quote: q ? { speaker: q.speaker, text: q.text } : null,
        also: a.also,
      };
    }),
  );
}

/** Stories weighed against the topics of `digest --topic`, newest first. */
export const TOPIC_DIGEST_SCAN = 2000;

/**
 * `digest [--since] [--limit] [--topic]`: the stories with an article indexed after
 * `since`, newest first, each once; with topics, only stories matching one of them.
 */
export async function buildDigest(
  index: ArticleIndex,
  options: { since?: string | null; limit?: number; topics?: readonly string[] } = {},
): Promise<DigestItem[]> {
  const limit = options.limit ?? DEFAULT_DIGEST_LIMIT;
  const wanted = await createTopicFilter(index, options.topics ?? []);
  if (!wanted) return digestItems(index, await index.indexedSince(options.since ?? null, limit));
  const scanned = await index.indexedSince(options.since ?? null, TOPIC_DIGEST_SCAN);
  const keep = await wanted(scanned.map((s) => [s.id, ...s.also]));
  const stories = scanned.filter((_, i) => keep[i]);
  return digestItems(index, stories.slice(0, limit));
}
