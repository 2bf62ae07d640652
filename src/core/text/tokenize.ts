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
const WORD = /[\p{L}\p{M}\p{N}\u0640]+/gu;

/** Longest word kept whole; longer runs (URLs, base64, keyboard mashing) are cut. */
export const MAX_WORD_LENGTH = 40;

/**
 * Distinct surface words whose folded forms are remembered. News vocabulary repeats
 * heavily, so indexing 20,000 articles normalizes and stems each word form about once.
 */
export const FORM_CACHE_SIZE = 200_000;
const formCache = new Map<string, { norm: string; stem: string }>();

function formsOf(surface: string): { norm: string; stem: string } {
  let forms = formCache.get(surface);
  if (forms === undefined) {
    const norm = normalizeArabic(surface).slice(0, MAX_WORD_LENGTH);
    forms = { norm, stem: norm === '' ? '' : stemArabic(norm) };
    if (formCache.size >= FORM_CACHE_SIZE) formCache.clear();
    formCache.set(surface, forms);
  }
  return forms;
}

/** Splits text into words with offsets, normalized and stemmed once. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const { norm, stem } = formsOf(surface);
    if (norm.length === 0) continue; // a lone haraka or tatweel
    tokens.push({ surface, start: match.index, end: match.index + surface.length, norm, stem });
  }
  return tokens;
}
