import { nameKey } from '../text/name-key.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import { latinToArabic } from './latin-to-arabic.js';

/**
 * Phonetic keys of a name, one per word, so that «بوتين»/«بوتن», «جونغ»/«جونج» and
 * «Putin» compare equal. Every comparison of names — within an article (is «كوروتشينكو»
 * the «إيغور كوروتشينكو» quoted before?), across the corpus (merging people) and for a
 * user's query — goes through here, so they all agree.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const LATIN = /^[a-z]/;

/** Normalized words of a name; Latin words are spelled in Arabic first. */
export function nameWords(name: string): string[] {
  const out: string[] = [];
  for (const m of normalizeArabic(name).matchAll(WORD)) {
    const word = m[0];
    if (LATIN.test(word)) {
      for (const w of normalizeArabic(latinToArabic(word)).matchAll(WORD)) out.push(w[0]);
    } else out.push(word);
  }
  return out;
}

/** The phonetic key of each word of a name. */
export function nameKeys(name: string): string[] {
  return nameWords(name).map(nameKey);
}

/** True when `part` is `whole`, or its leading or trailing words («كوروتشينكو» of «إيغور كوروتشينكو»). */
export function isNamePart(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  const prefix = part.every((k, i) => whole[i] === k);
  const offset = whole.length - part.length;
  // «سلمان» is not «محمد بن سلمان»: the words after بن name the father, not the person.
  if (!prefix && offset > 0 && SON_OF.has(whole[offset - 1]!)) return false;
  return prefix || part.every((k, i) => whole[offset + i] === k);
}

/** True when the last word of a name is a parent's name («سلمان» of «محمد بن سلمان»). */
export const endsWithParent = (keys: readonly string[]): boolean =>
  keys.length >= 2 && SON_OF.has(keys[keys.length - 2]!);

/** Keys of «بن», «ابن», «بنت»: what follows them is a parent's name. */
const SON_OF: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت'].map(nameKey));

const definite = (word: string): boolean => word.length >= 4 && word.startsWith('ال');

/**
 * Do the aligned words of a short name and a longer one agree on the article? Phonetic
 * keys drop it (and the vowels), so «بوتين» and «البابطين» share a key; a foreign name
 * never carries the article, an Arab family name nearly always does. `part` must already
 * be a name part of `whole` by keys (`isNamePart`).
 */
export function articlesAgree(part: string, whole: string): boolean {
  const p = nameWords(part);
  const w = nameWords(whole);
  if (p.length === 0 || p.length > w.length) return false;
  const pk = p.map(nameKey);
  const wk = w.map(nameKey);
  const prefix = pk.every((k, i) => wk[i] === k);
  const offset = prefix ? 0 : w.length - p.length;
  return p.every((word, i) => definite(word) === definite(w[offset + i]!));
}
