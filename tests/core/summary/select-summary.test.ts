import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUMMARY_SENTENCES,
  WORD_BUDGET_SCORE_FLOOR,
  selectSummary,
} from '../../../src/core/summary/select-summary.js';

/** A sentence of `n` distinct words, so word budgets are easy to reason about. */
const words = (tag: string, n: number) => `${Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ')}.`;
const s = (text: string, score: number) => ({ text, score });

describe('selectSummary', () => {
  const article = [
    s(words('a', 10), 0.2),
    s(words('b', 10), 0.9),
    s(words('c', 10), 0.5),
    s(words('d', 10), 0.7),
    s(words('e', 10), 0.1),
  ];

  it('returns the best sentences in article order, not score order', () => {
    expect(selectSummary(article, { sentences: 3 })).toEqual([1, 2, 3]);
  });

  it(`defaults to ${DEFAULT_SUMMARY_SENTENCES} sentences`, () => {
    expect(selectSummary(article)).toHaveLength(DEFAULT_SUMMARY_SENTENCES);
  });

  it.each([
    [{ sentences: 1 }, [1]],
    [{ sentences: 2 }, [1, 3]],
    [{ sentences: 10 }, [0, 1, 2, 3, 4]],
    [{ sentences: 0 }, [1]], // at least one
  ])('sentence budget %j', (budget, expected) => {
    expect(selectSummary(article, budget)).toEqual(expected);
  });

  it.each([
    // [word budget, expected]: each sentence has 10 words.
    [10, [1]],
    [25, [1, 3]],
    [30, [1, 2, 3]],
    // A sentence scored at or below the floor (0.1 here) is not worth its words.
    [1000, [0, 1, 2, 3]],
  ])('word budget %i never exceeded', (budget, expected) => {
    expect(selectSummary(article, { words: budget })).toEqual(expected);
  });

  it('skips a sentence that would overflow the word budget and takes the next that fits', () => {
    const mixed = [s(words('long', 30), 0.9), s(words('mid', 12), 0.8), s(words('short', 6), 0.5)];
    expect(selectSummary(mixed, { words: 20 })).toEqual([1, 2]);
  });

  it('fills a word budget with two good sentences rather than one slightly better that leaves it half empty', () => {
    const mixed = [s(words('a', 12), 0.9), s(words('b', 10), 0.8), s(words('c', 10), 0.7)];
    expect(selectSummary(mixed, { words: 20 })).toEqual([1, 2]);
    expect(selectSummary(mixed, { words: 20, sentences: 1 })).toEqual([0]);
  });

  it(`leaves out sentences scored at or below ${WORD_BUDGET_SCORE_FLOOR} under a word budget, unless nothing else fits`, () => {
    const weak = [
      s(words('a', 10), 0.9),
      s(words('b', 5), WORD_BUDGET_SCORE_FLOOR),
      s(words('c', 5), WORD_BUDGET_SCORE_FLOOR / 2),
    ];
    expect(selectSummary(weak, { words: 20 })).toEqual([0]);
    expect(selectSummary(weak, { words: 6 })).toEqual([1]);
  });

  it('skips a near-duplicate under a word budget and fills with the next best', () => {
    const repeated = [
      s('أعلن الرئيس أمس عن خطة جديدة لدعم الاقتصاد الوطني.', 0.9),
      s('أعلن الرئيس أمس عن خطة جديدة لدعم الاقتصاد الوطني والشركات.', 0.8),
      s('وقال وزير المالية إن الخطة تكلف مليار دولار.', 0.5),
    ];
    expect(selectSummary(repeated, { words: 25 })).toEqual([0, 2]);
  });

  it('never headings: a sentence not summarizable is chosen only when the article has nothing else', () => {
    const withHeading = [s('معاهدة دفاعية مع بيونغيانغ', 5), s(words('a', 10), 0.5)].map((x, i) => ({
      ...x,
      summarizable: i !== 0,
    }));
    expect(selectSummary(withHeading, { words: 4 })).toEqual([1]);
    expect(selectSummary(withHeading, { sentences: 1 })).toEqual([1]);
    expect(selectSummary([{ ...withHeading[0]! }], { sentences: 1 })).toEqual([0]);
  });

  it('returns the best sentence alone when nothing fits the word budget', () => {
    const longOnes = [s(words('x', 30), 0.4), s(words('y', 40), 0.9)];
    expect(selectSummary(longOnes, { words: 5 })).toEqual([1]);
  });

  it('applies both bounds when both are given', () => {
    expect(selectSummary(article, { sentences: 2, words: 100 })).toEqual([1, 3]);
    expect(selectSummary(article, { sentences: 4, words: 20 })).toEqual([1, 3]);
  });

  it('skips exact and near duplicates of a chosen sentence', () => {
    const repeated = [
      s('أعلن الرئيس أمس عن خطة جديدة لدعم الاقتصاد الوطني.', 0.9),
      s('اعلن الرئيس امس عن خطة جديدة لدعم الاقتصاد الوطني', 0.8), // same after normalization
      s('أعلن الرئيس أمس عن خطة جديدة لدعم الاقتصاد الوطني والشركات.', 0.7), // near-duplicate
      s('وقال وزير المالية إن الخطة تكلف مليار دولار.', 0.1),
    ];
    expect(selectSummary(repeated, { sentences: 2 })).toEqual([0, 3]);
  });

  it('ignores sentences without words', () => {
    expect(selectSummary([s('...', 5), s('جملة حقيقية هنا.', 1)], { sentences: 2 })).toEqual([1]);
  });

  it('ranks a NaN score last and breaks ties by article order', () => {
    expect(
      selectSummary([s(words('a', 3), Number.NaN), s(words('b', 3), 1), s(words('c', 3), 1)], { sentences: 2 }),
    ).toEqual([1, 2]);
  });

  it.each([
    ['no sentences', []],
    ['only punctuation', [s('…', 1)]],
  ])('returns [] for %s', (_name, input) => {
    expect(selectSummary(input)).toEqual([]);
  });
});
