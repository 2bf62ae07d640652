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

/** Splits text into words with offsets, normalized and stemmed once. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const norm = normalizeArabic(surface).slice(0, MAX_WORD_LENGTH);
    if (norm.length === 0) continue; // a lone haraka or tatweel
    tokens.push({ surface, start: match.index, end: match.index + surface.length, norm, stem: stemArabic(norm) });
  }
  return tokens;
}
