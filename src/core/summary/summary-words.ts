import { tokenize } from '../text/tokenize.js';

/**
 * The words of a text as summaries count and compare them: `normalizeArabic`-folded
 * (via `tokenize`), unstemmed, stopwords kept. One definition shared by the word budget,
 * the duplicate check and ROUGE, so that "a 50-word summary" means the same thing to the
 * selector and to the evaluation. Normalizing makes spelling variants (أ/ا, ة/ه, harakat)
 * the same word; not stemming keeps it close to what a reader sees.
 */
export function summaryWords(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
