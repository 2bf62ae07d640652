import { describe, expect, it } from 'vitest';
import { rougeN } from '../../../src/core/summary/rouge.js';
import { summaryWords } from '../../../src/core/summary/summary-words.js';

const w = (s: string) => s.split(' ').filter(Boolean);

describe('rougeN', () => {
  // Each case is worked out by hand: overlap / candidate n-grams, overlap / reference n-grams.
  it.each([
    ['identical', 'a b c', 'a b c', 1, 1, 1, 1],
    ['identical bigrams', 'a b c', 'a b c', 2, 1, 1, 1],
    ['disjoint', 'a b', 'c d', 1, 0, 0, 0],
    ['half the candidate matches', 'a b c d', 'a b', 1, 2 / 4, 2 / 2, (2 * 0.5 * 1) / 1.5],
    ['bigrams: 1 of 3 vs 1 of 2', 'a b c d', 'a b x', 2, 1 / 3, 1 / 2, (2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2)],
    ['counts are clipped to the reference', 'a a a b', 'a b', 1, 2 / 4, 2 / 2, (2 * 0.5 * 1) / 1.5],
    ['repeats count when both sides repeat', 'a a', 'a a b', 1, 1, 2 / 3, (2 * 1 * (2 / 3)) / (1 + 2 / 3)],
    ['order matters for bigrams only', 'b a', 'a b', 2, 0, 0, 0],
    ['empty candidate', '', 'a b', 1, 0, 0, 0],
    ['empty reference', 'a b', '', 1, 0, 0, 0],
    ['too short for a bigram', 'a', 'a', 2, 0, 0, 0],
  ])('%s', (_name, cand, ref, n, precision, recall, f) => {
    const score = rougeN(w(cand), w(ref), n);
    expect(score.precision).toBeCloseTo(precision, 10);
    expect(score.recall).toBeCloseTo(recall, 10);
    expect(score.f).toBeCloseTo(f, 10);
  });

  it('rejects n < 1', () => {
    expect(() => rougeN(['a'], ['a'], 0)).toThrow(RangeError);
  });

  it('compares normalized words, so spelling variants and harakat match', () => {
    const score = rougeN(summaryWords('أعلنت الحكومةُ إلى'), summaryWords('اعلنت الحكومه الى'), 2);
    expect(score.f).toBe(1);
  });
});
