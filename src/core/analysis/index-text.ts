import type { Token } from '../text/tokenize.js';
import { nameKey } from '../text/name-key.js';

/**
 * The two parallel views of a text that the full-text index holds, one word per
 * position in each, so that a phrase matches in either view:
 * - `words`: normalized surface forms, for exact matches;
 * - `stems`: light stems, for topic matches across inflections.
 * Every token is letters and digits only, joined by single spaces, so FTS5's plain
 * `ascii` tokenizer sees exactly our words, and does so faster than `unicode61`.
 */
export interface IndexText {
  readonly words: string;
  readonly stems: string;
}

export function toIndexText(tokens: readonly Token[]): IndexText {
  const words: string[] = [];
  const stems: string[] = [];
  for (const t of tokens) {
    words.push(t.norm);
    stems.push(t.stem);
  }
  return { words: words.join(' '), stems: stems.join(' ') };
}

/**
 * The distinct words of a text that have a phonetic name key, as [word, key] pairs.
 * Stored once per word in the corpus, they let a query for بوتن expand to the spellings
 * the corpus actually uses (بوتين, وبوتين …) instead of indexing a third view of every word.
 */
export function nameWords(tokens: readonly Token[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (seen.has(t.norm)) continue;
    const key = nameKey(t.norm);
    if (key !== t.norm) seen.set(t.norm, key);
  }
  return [...seen];
}
