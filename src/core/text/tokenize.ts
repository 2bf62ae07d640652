import { createGenerationalCache } from './generational-cache.js';
import { normalizeArabic } from './normalize-arabic.js';
import { stemArabic } from './stem-arabic.js';

/** A word as it stands in the text, with its place and its folded forms. */
export interface Token {
  /** The word exactly as written. */
  readonly surface: string;
  /** UTF-16 offset of the first character in the source string. */
  readonly start: number;
  /** UTF-16 offset just past the last character. */
  readonly end: number;
  /** `normalizeArabic(surface)`: the form exact matches use. */
  readonly norm: string;
  /** Light stem of `norm`: the form topic matches use. */
  readonly stem: string;
}

/** Letters, combining marks (harakat), digits and tatweel make a word; everything else splits. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Whether a UTF-16 code unit is part of a word. Arabic and ASCII are decided by range
 * (this runs on every character of every article); anything else asks the Unicode
 * property regex. Surrogates count as word characters only when they form a letter.
 */
function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  if (code >= 0x0621 && code <= 0x065f) return true; // letters, tatweel, harakat
  if (code >= 0x0660 && code <= 0x0669) return true; // Arabic-Indic digits
  if (code >= 0x0670 && code <= 0x06d3) return true;
  if (code >= 0x060c && code <= 0x0620) return code === 0x0620; // ، ؛ ؟ and other punctuation
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (code >= 0xdc00 && code <= 0xdfff) return WORD_CHAR.test(text.slice(i - 1, i + 1));
  return WORD_CHAR.test(text[i]!);
}

/** Longest word kept whole; longer runs (URLs, base64, keyboard mashing) are cut. */
export const MAX_WORD_LENGTH = 40;

/**
 * Distinct surface words whose folded forms are remembered, per generation (see
 * `createGenerationalCache`). News vocabulary repeats
 * heavily, so indexing 20,000 articles normalizes and stems each word form about once.
 */
export const FORM_CACHE_SIZE = 100_000;
const formCache = createGenerationalCache<{ norm: string; stem: string }>(FORM_CACHE_SIZE);

function formsOf(surface: string): { norm: string; stem: string } {
  let forms = formCache.get(surface);
  if (forms === undefined) {
    const norm = normalizeArabic(surface).slice(0, MAX_WORD_LENGTH);
    forms = { norm, stem: norm === '' ? '' : stemArabic(norm) };
    formCache.set(surface, forms);
  }
  return forms;
}

/** `normalizeArabic` of one word, from the same cache the tokenizer uses (words repeat). */
export function normalizeWord(surface: string): string {
  return formsOf(surface).norm;
}

/** Splits text into words with offsets, normalized and stemmed once. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(text.charCodeAt(i), text, i)) i++;
    const surface = text.slice(start, i);
    const { norm, stem } = formsOf(surface);
    if (norm.length === 0) continue; // a lone haraka or tatweel
    tokens.push({ surface, start, end: i, norm, stem });
  }
  return tokens;
}
