import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analysis/analyze-article.js';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { QUOTE_LIMITS } from '../../../src/core/quotes/quote-limits.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';

/** The reproduction of issue 17: «قال المتحدث: «» repeated, one sentence, never closed. */
const hostile = (times: number) => `title: t\n\n${'قال المتحدث: «'.repeat(times)} نهاية.\n`;

const storedChars = (body: string) => extractQuotes(splitSentences(body)).reduce((n, q) => n + q.text.length, 0);

describe('quote extraction on hostile input', () => {
  it('stores quote text bounded by the article size, not quadratic in it', () => {
    const body = parseArticle('u', hostile(4000)).body;
    // Before the caps: 3,999 quotes, each running to the end of the sentence (112 million chars).
    const quotes = extractQuotes(splitSentences(body));
    expect(quotes.length).toBeLessThanOrEqual(QUOTE_LIMITS.perSentence);
    expect(storedChars(body)).toBeLessThanOrEqual(
      QUOTE_LIMITS.storedFloor + body.length * QUOTE_LIMITS.storedPerBodyChar,
    );
    for (const q of quotes) expect(q.text.length).toBeLessThanOrEqual(QUOTE_LIMITS.quoteChars);
  });

  it('keeps stored text proportional as the file grows (x8 the input, at most x8 the text)', () => {
    const small = storedChars(parseArticle('u', hostile(2000)).body);
    const large = storedChars(parseArticle('u', hostile(16000)).body);
    expect(large).toBeLessThanOrEqual(8 * Math.max(small, QUOTE_LIMITS.storedFloor));
  });

  it('caps quotes per article across many sentences', () => {
    const body = Array.from({ length: 1500 }, (_, i) => `وقال المتحدث الرسمي: «هذا تصريح رقم ${i} عن الوضع».`).join(
      '\n',
    );
    const quotes = analyzeArticle(parseArticle('many', `title: t\n\n${body}`)).quotes;
    expect(quotes.length).toBe(QUOTE_LIMITS.perArticle);
  });

  it('cuts an over-long quote at a word, with an ellipsis', () => {
    const long = Array.from({ length: 900 }, (_, i) => `كلمة${i}`).join(' ');
    const [quote] = extractQuotes(splitSentences(`وقال المتحدث الرسمي: «${long}»`));
    expect(quote!.text.length).toBeLessThanOrEqual(QUOTE_LIMITS.quoteChars);
    expect(quote!.text.endsWith('…')).toBe(true);
    expect(long.split(' ')).toContain(quote!.text.slice(0, -1).split(' ').at(-1));
  });
});
