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

/**
 * Name words this worker already sent during the run (the pool lives for one run). The
 * parent records each word once; sending it once spares it hashing millions of repeats.
 */
const sentNameWords = new Set<string>();

parentPort!.on('message', (request: AnalyzeRequest) => {
  const results = request.articles.map((article) => {
    try {
      // The parent already holds the article: send back only what analysis added.
      const { article: _sent, nameWords, ...rest } = analyzeArticle(article);
      const fresh = nameWords.filter(([word]) => !sentNameWords.has(word));
      for (const [word] of fresh) sentNameWords.add(word);
      const analyzed = { ...rest, nameWords: fresh };
      return { ok: true as const, analyzed };
    } catch (err) {
      return { ok: false as const, error: (err as Error)?.message ?? String(err) };
    }
  });
  parentPort!.postMessage({ id: request.id, results });
});
