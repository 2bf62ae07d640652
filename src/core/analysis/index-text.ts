import type { Token } from '../text/tokenize.js';
import { nameKey } from '../text/name-key.js';
import { isStopword } from '../text/stopwords.js';

/**
 * The two views of a text that the full-text index holds:
 * - `words`: every normalized surface form except stopwords (which queries drop), in
 *   order, for exact and phrase matches;
 * - `stems`: the light stem of each word whose stem differs from the word. A word that is
 *   its own stem (في, حرب) is found in `words`, so the stem query searches both views and
 *   the index holds such words once instead of twice. Phrases are only ever matched on
 *   `words`, so `stems` needs no positions aligned with it.
 * Every token is letters and digits only, joined by single spaces, so an engine's plainest
 * tokenizer (SQLite's `ascii`, PostgreSQL's `simple` split) sees exactly our words.
 */
export interface IndexText {
  readonly words: string;
  readonly stems: string;
}

export function toIndexText(tokens: readonly Token[]): IndexText {
  const words: string[] = [];
  const stems: string[] = [];
  for (const t of tokens) {
    // Queries drop stopwords, so the index need not hold them (a sixth of all words).
    if (isStopword(t.norm)) continue;
    words.push(t.norm);
    if (t.stem !== t.norm) stems.push(t.stem);
  }
  return { words: words.join(' '), stems: stems.join(' ') };
}

/**
 * The distinct words of a text that have a phonetic name key, as [word, key] pairs.
 * Stored once per word in the corpus, they let a query for بوتن expand to the spellings
 * the corpus actually uses (بوتين, وبوتين …) instead of indexing a third view of every word.
 */
export function nameWords(...texts: readonly (readonly Token[])[]): [string, string][] {
  const distinct = new Set<string>();
  for (const tokens of texts) for (const t of tokens) distinct.add(t.norm);
  const out: [string, string][] = [];
  for (const word of distinct) {
    const key = nameKey(word);
    if (key !== word) out.push([word, key]);
  }
  return out;
}
