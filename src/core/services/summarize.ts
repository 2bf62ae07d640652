import type { ArticleIndex } from '../ports/article-index.js';
import { type SummaryBudget, selectSummary } from '../summary/select-summary.js';
import { searchArticles } from './search-articles.js';

/** A summary: whole sentences of one article, in article order. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly sentences: readonly string[];
}

/** Summarizes a stored article from its index-time sentence scores: no re-analysis. */
export function summarizeArticle(index: ArticleIndex, id: string, budget?: SummaryBudget): ArticleSummary | null {
  const article = index.getArticle(id);
  if (!article) return null;
  const sentences = index.getSentences(id);
  const chosen = selectSummary(sentences, budget);
  return { id: article.id, title: article.title, date: article.date, url: article.url, sentences: chosen.map((i) => sentences[i]!.text) };
}

/**
 * `summary <article id | topic>`: an exact article id wins; otherwise the best search
 * match is summarized. Null when nothing matches.
 */
export function summarize(index: ArticleIndex, idOrQuery: string, budget?: SummaryBudget): ArticleSummary | null {
  const text = idOrQuery.trim();
  const direct = summarizeArticle(index, text, budget);
  if (direct) return direct;
  const best = searchArticles(index, text, { limit: 1 }).results[0];
  return best ? summarizeArticle(index, best.id, budget) : null;
}
