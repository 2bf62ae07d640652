import { UsageError } from '../errors/nashra-error.js';
import type { ArticleIndex } from '../ports/article-index.js';
import { markSentence } from '../search/make-snippet.js';
import { type SummaryBudget, selectSummary } from '../summary/select-summary.js';
import { selectTopicSummary } from '../summary/select-topic-summary.js';
import { MAX_QUERY_CHARS, topicQuery } from './search-articles.js';

/** [start, end) UTF-16 ranges of one sentence to emphasize, ascending. */
export type SentenceMarks = readonly (readonly [number, number])[];

/** A summary: whole sentences of one article, in article order. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly sentences: readonly string[];
  /** The topic the summary answers (its sentences were chosen for it), or null for a generic summary. */
  readonly topic: string | null;
  /** Per sentence, the topic's words as search marks them; empty lists for a generic summary. */
  readonly marks: readonly SentenceMarks[];
}

/**
 * Summarizes a stored article from its index-time sentence scores: no re-analysis.
 * Headings, captions, datelines, bylines and teasers are never chosen (index time marked them).
 */
export async function summarizeArticle(
  index: ArticleIndex,
  id: string,
  budget?: SummaryBudget,
): Promise<ArticleSummary | null> {
  const article = await index.getArticle(id);
  if (!article) return null;
  const sentences = await index.getSentences(id);
  const chosen = selectSummary(sentences, budget);
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    url: article.url,
    sentences: chosen.map((i) => sentences[i]!.text),
    topic: null,
    marks: chosen.map(() => []),
  };
}

/**
 * A summary of the best article for a topic, made of the sentences that speak to the
 * topic (see `selectTopicSummary`) with its words marked. When the article matched on
 * its title alone and no sentence names the topic, the generic summary is given instead
 * (`topic` is then null).
 */
export async function summarizeTopic(
  index: ArticleIndex,
  query: string,
  budget?: SummaryBudget,
): Promise<ArticleSummary | null> {
  const text = query.trim().slice(0, MAX_QUERY_CHARS);
  if (text === '') throw new UsageError('empty query');
  const match = await topicQuery(index, text);
  if (!match) return null;
  const best = (await index.search(match.query, 1, 0))[0];
  if (!best) return null;
  const sentences = await index.getSentences(best.id);
  const joined = new Map(match.joined.map((j) => [j.word, j.first]));
  const marked = sentences.map((s) => markSentence(s.text, match.terms, joined));
  const chosen = selectTopicSummary(sentences, marked, match.terms.length, budget);
  if (!chosen) return summarizeArticle(index, best.id, budget);
  return {
    id: best.id,
    title: best.title,
    date: best.date,
    url: best.url,
    sentences: chosen.map((i) => sentences[i]!.text),
    topic: text,
    marks: chosen.map((i) => marked[i]!.ranges),
  };
}

/**
 * `summary <article id | topic>`: an exact article id wins (the generic summary);
 * otherwise the best search match is summarized about the topic. Null when nothing matches.
 */
export async function summarize(
  index: ArticleIndex,
  idOrQuery: string,
  budget?: SummaryBudget,
): Promise<ArticleSummary | null> {
  return (await summarizeArticle(index, idOrQuery.trim(), budget)) ?? summarizeTopic(index, idOrQuery, budget);
}
