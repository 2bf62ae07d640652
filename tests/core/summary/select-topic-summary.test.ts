import { describe, expect, it } from 'vitest';
import { selectTopicSummary } from '../../../src/core/summary/select-topic-summary.js';

/** A sentence of `n` distinct words, so word budgets are easy to reason about. */
const words = (tag: string, n: number) => `${Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ')}.`;
/** Stored scores fall with position, as the index-time scorer's do. */
const article = ['a', 'b', 'c', 'd', 'e', 'f'].map((tag, i) => ({
  text: words(tag, 10),
  score: 1 - i / 10,
  summarizable: true,
}));
const hits = (...counts: number[]) => counts.map((distinct) => ({ distinct }));

describe('selectTopicSummary', () => {
  it('chooses the sentences holding the topic, in article order, and adds the lead when it fits', () => {
    // Two-word topic: sentences 3 and 5 hold both words, 4 holds one.
    expect(selectTopicSummary(article, hits(0, 0, 0, 2, 1, 2), 2, { sentences: 3 })).toEqual([3, 4, 5]);
    expect(selectTopicSummary(article, hits(0, 0, 0, 2, 0, 2), 2, { sentences: 3 })).toEqual([0, 3, 5]);
    expect(selectTopicSummary(article, hits(0, 0, 0, 2, 0, 0), 2)).toEqual([0, 3]);
  });

  it('prefers full coverage over an earlier partial match', () => {
    expect(selectTopicSummary(article, hits(0, 1, 0, 0, 2, 0), 2, { sentences: 1 })).toEqual([4]);
  });

  it('never exceeds a word budget, and the lead comes only when it fits', () => {
    expect(selectTopicSummary(article, hits(0, 0, 2, 2, 0, 0), 2, { words: 20 })).toEqual([2, 3]);
    expect(selectTopicSummary(article, hits(0, 0, 2, 0, 0, 0), 2, { words: 20 })).toEqual([0, 2]);
    expect(selectTopicSummary(article, hits(0, 0, 2, 0, 0, 0), 2, { words: 15 })).toEqual([2]);
  });

  it('a four-word topic needs two of its words in a sentence, unless no sentence has two', () => {
    expect(selectTopicSummary(article, hits(0, 1, 2, 0, 1, 0), 4, { sentences: 3 })).toEqual([0, 2]);
    expect(selectTopicSummary(article, hits(0, 1, 0, 0, 1, 0), 4, { sentences: 3 })).toEqual([0, 1, 4]);
  });

  it('a heading that names the topic is never a summary sentence', () => {
    const withHeading = article.map((s, i) => (i === 2 ? { ...s, text: 'b0 b1', summarizable: false } : s));
    expect(selectTopicSummary(withHeading, hits(0, 0, 2, 2, 0, 0), 2, { sentences: 3 })).toEqual([0, 3]);
  });

  it('is null when no sentence names the topic (the article matched on its title)', () => {
    expect(selectTopicSummary(article, hits(0, 0, 0, 0, 0, 0), 2)).toBeNull();
    expect(selectTopicSummary(article, hits(1, 1), 0)).toBeNull();
  });

  it('skips a near-duplicate of a chosen sentence, the lead included', () => {
    const repeated = article.map((s, i) => (i === 4 ? { ...s, text: article[0]!.text } : s));
    expect(selectTopicSummary(repeated, hits(0, 0, 2, 0, 0, 0), 2, { sentences: 3 })).toEqual([0, 2]);
    expect(selectTopicSummary(repeated, hits(0, 0, 2, 0, 2, 0), 2, { sentences: 3 })).toEqual([2, 4]);
  });
});
