/**
 * Worker-thread entry of the analyzer pool: receives parsed articles, returns their
 * analysis. Pure CPU work (sentences, scores, quotes, index text), so several run in
 * parallel while the main thread reads the corpus and writes SQLite.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../core/analysis/analyze-article.js';
import type { ParsedArticle } from '../core/corpus/parse-article.js';

/** One job: an id to match the answer, and the articles to analyze. */
export interface AnalyzeRequest {
  readonly id: number;
  readonly articles: readonly ParsedArticle[];
}

parentPort!.on('message', (request: AnalyzeRequest) => {
  const results = request.articles.map((article) => {
    try {
      // The parent already holds the article: send back only what analysis added.
      const { article: _sent, ...analyzed } = analyzeArticle(article);
      return { ok: true as const, analyzed };
    } catch (err) {
      return { ok: false as const, error: (err as Error)?.message ?? String(err) };
    }
  });
  parentPort!.postMessage({ id: request.id, results });
});
