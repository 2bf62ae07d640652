import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import type { ExtractedQuote } from '../../../src/core/quotes/quote.js';
import { splitSentences, type SentenceSpan } from '../../../src/core/text/split-sentences.js';

/** The seed corpus (tests/fixtures/README.md), analysed the way the indexer does it. */
const CORPUS = fileURLToPath(new URL('../../fixtures/corpus', import.meta.url));

export interface SeedArticle {
  /** The three-digit prefix of the file name: '000' … '004'. */
  readonly key: string;
  readonly sentences: readonly SentenceSpan[];
  readonly quotes: readonly ExtractedQuote[];
}

export const SEED: readonly SeedArticle[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const article = parseArticle(file.replace(/\.txt$/, ''), readFileSync(`${CORPUS}/${file}`, 'utf8'));
    const sentences = splitSentences(article.body);
    return { key: file.slice(0, 3), sentences, quotes: extractQuotes(sentences) };
  });

export function seedArticle(key: string): SeedArticle {
  const article = SEED.find((a) => a.key === key);
  if (!article) throw new Error(`no seed article ${key}`);
  return article;
}

/** The one quote of an article whose text starts with `start`. */
export function quoteStarting(key: string, start: string): ExtractedQuote {
  const found = seedArticle(key).quotes.filter((q) => q.text.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} quotes in ${key} start with «${start}»`);
  return found[0]!;
}

/** Every quote of the corpus with the article it comes from. */
export function allSeedQuotes(): { key: string; quote: ExtractedQuote }[] {
  return SEED.flatMap((a) => a.quotes.map((quote) => ({ key: a.key, quote })));
}
