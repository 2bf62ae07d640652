import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';

/** Quotes of a small article (one paragraph per line) as [speaker, text] pairs. */
export const quotesOf = (body: string): [string, string][] =>
  extractQuotes(splitSentences(body)).map((q) => [q.speaker.name, q.text]);

/** Just the speakers of those quotes, in order. */
export const speakersOf = (body: string): string[] => extractQuotes(splitSentences(body)).map((q) => q.speaker.name);
