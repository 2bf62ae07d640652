import type { Token } from '../text/tokenize.js';
import { nameKey } from '../text/name-key.js';

/**
 * The three parallel views of a text that the full-text index holds, one word per
 * position in each, so that a phrase matches in any view:
 * - `words`: normalized surface forms, for exact matches;
 * - `stems`: light stems, for topic matches across inflections;
 * - `keys`: phonetic name keys, for transliterated names spelled many ways.
 */
export interface IndexText {
  readonly words: string;
  readonly stems: string;
  readonly keys: string;
}

/**
 * FTS5's `unicode61` tokenizer would split our folded words again at some characters;
 * every token we emit is letters and digits only, so it sees exactly one token each.
 */
export function toIndexText(tokens: readonly Token[]): IndexText {
  const words: string[] = [];
  const stems: string[] = [];
  const keys: string[] = [];
  for (const t of tokens) {
    words.push(t.norm);
    stems.push(t.stem);
    keys.push(nameKey(t.norm));
  }
  return { words: words.join(' '), stems: stems.join(' '), keys: keys.join(' ') };
}
