import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analysis/analyze-article.js';
import { parseArticle } from '../../src/core/corpus/parse-article.js';
import { createAnalyzerPool } from '../../src/ingest/create-analyzer-pool.js';
import { INLINE_ANALYSES, createLazyAnalyzer } from '../../src/ingest/create-lazy-analyzer.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';

const articles = readdirSync(FIXTURE_CORPUS).map((f) =>
  parseArticle(f.replace(/\.txt$/, ''), readFileSync(join(FIXTURE_CORPUS, f), 'utf8')),
);

describe('analyzer pool (worker threads)', () => {
  const pool = createAnalyzerPool(2);
  afterAll(async () => pool.close());

  it('gives the in-thread analysis, quotes and all, and every name word once per run', async () => {
    const results = await Promise.all(articles.map((a) => pool.analyze(a)));
    const inThread = articles.map((a) => analyzeArticle(a));
    results.forEach((r, i) => expect({ ...r, nameWords: [] }).toEqual({ ...inThread[i]!, nameWords: [] }));
    expect(results.flatMap((r) => r.quotes).length).toBeGreaterThan(30);
    // A worker sends a name word the first time it meets it in the run, so together they carry each word at least once.
    const sent = new Map(results.flatMap((r) => r.nameWords));
    expect(sent).toEqual(new Map(inThread.flatMap((r) => r.nameWords)));
  });

  it('answers many concurrent requests, each with its own article', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...articles[i % articles.length]!, id: `copy-${i}` }));
    const results = await Promise.all(many.map((a) => pool.analyze(a)));
    expect(results.map((r) => r.article.id)).toEqual(many.map((a) => a.id));
  });

  it('reports an article that cannot be analyzed without failing the others', async () => {
    const broken = { ...articles[0]!, body: undefined as unknown as string };
    const [bad, good] = await Promise.allSettled([pool.analyze(broken), pool.analyze(articles[1]!)]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
  });
});

describe('lazy analyzer', () => {
  it('stays in-thread for small runs and uses workers past the threshold, with the same results', async () => {
    const lazy = createLazyAnalyzer(2);
    try {
      const inline = lazy.analyze(articles[0]!);
      expect(inline).not.toBeInstanceOf(Promise);
      for (let i = 1; i < INLINE_ANALYSES; i++) lazy.analyze(articles[i % articles.length]!);
      const pooled = lazy.analyze(articles[2]!);
      expect(pooled).toBeInstanceOf(Promise);
      expect(await pooled).toEqual(analyzeArticle(articles[2]!));
    } finally {
      await lazy.close();
    }
  });
});
