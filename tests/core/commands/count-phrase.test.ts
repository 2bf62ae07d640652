import { describe, expect, it } from 'vitest';
import { countPhrase } from '../../../src/core/commands/count-phrase.js';

describe('countPhrase', () => {
  // Arabic's six plural forms, as Intl.PluralRules('ar') picks them: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other.
  it.each([
    [0, 'result', 'لا نتائج'],
    [1, 'result', 'نتيجة واحدة'],
    [2, 'result', 'نتيجتان'],
    [3, 'result', '3 نتائج'],
    [7, 'result', '7 نتائج'],
    [11, 'result', '11 نتيجة'],
    [100, 'result', '100 نتيجة'],
    [0, 'quote', 'لا اقتباسات'],
    [1, 'quote', 'اقتباس واحد'],
    [2, 'quote', 'اقتباسان'],
    [3, 'quote', '3 اقتباسات'],
    [11, 'quote', '11 اقتباسا'],
    [100, 'quote', '100 اقتباس'],
    [0, 'article', 'لا مقالات'],
    [1, 'article', 'مقال واحد'],
    [2, 'article', 'مقالان'],
    [3, 'article', '3 مقالات'],
    [11, 'article', '11 مقالا'],
    [100, 'article', '100 مقال'],
    [103, 'article', '103 مقالات'],
  ] as const)('Arabic: %i %s → %s', (n, noun, expected) => {
    expect(countPhrase('ar', n, noun)).toBe(expected);
  });

  it.each([
    [0, 'result', '0 results'],
    [1, 'quote', '1 quote'],
    [2, 'quote', '2 quotes'],
    [11, 'article', '11 articles'],
  ] as const)('English: %i %s → %s', (n, noun, expected) => {
    expect(countPhrase('en', n, noun)).toBe(expected);
  });

  it('says when a count is only a floor (search stops counting)', () => {
    expect(countPhrase('ar', 200, 'result', { atLeast: true })).toBe('أكثر من 200 نتيجة');
    expect(countPhrase('en', 200, 'result', { atLeast: true })).toBe('200+ results');
  });
});
