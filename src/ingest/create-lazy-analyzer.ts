import { availableParallelism } from 'node:os';
import { type AnalyzedArticle, analyzeArticle } from '../core/analysis/analyze-article.js';
import type { ParsedArticle } from '../core/corpus/parse-article.js';
import { type AnalyzerPool, createAnalyzerPool } from './create-analyzer-pool.js';

/** Articles analyzed in-thread before workers are worth starting (they take ~0.2 s to load). */
export const INLINE_ANALYSES = 48;

export interface LazyAnalyzer {
  analyze(article: ParsedArticle): AnalyzedArticle | Promise<AnalyzedArticle>;
  /** Stops the workers, if any were started. */
  close(): Promise<void>;
}

/**
 * Analyzes in-thread until a run proves large, then hands the rest to a worker pool: an
 * edit to one file costs no thread start-up, a bulk import uses every core. A running bot
 * passes `inline: 0`: its rescans analyze on a worker even for one small file, so no
 * article, however hostile, holds up a reply.
 */
export function createLazyAnalyzer(workers = availableParallelism(), inline: number = INLINE_ANALYSES): LazyAnalyzer {
  let count = 0;
  let pool: AnalyzerPool | null = null;
  return {
    analyze(article) {
      count++;
      if ((workers <= 1 && inline > 0) || count <= inline) return analyzeArticle(article);
      pool ??= createAnalyzerPool(Math.max(1, workers));
      return pool.analyze(article);
    },
    async close() {
      const p = pool;
      pool = null;
      count = 0;
      await p?.close();
    },
  };
}
