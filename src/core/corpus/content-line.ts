import { normalizeArabic } from '../text/normalize-arabic.js';

/**
 * Tells article content from the lines news sites paste around it: related-link lines
 * («شاهد ايضاً: …»), calls to action («اكتشف المزيد … على خبرين»), share/follow prompts,
 * copyright lines and bare URLs. Such lines are kept out of search, summaries and quotes.
 */

/** Line openings (normalized) that mark a related link or a prompt, not content. */
export const NON_CONTENT_PREFIXES = [
  'شاهد ايضا',
  'شاهد كذلك',
  'شاهد المزيد',
  'اقرا ايضا',
  'اقرا كذلك',
  'اقرا المزيد',
  'طالع ايضا',
  'طالع كذلك',
  'مواضيع ذات صله',
  'اخبار ذات صله',
  'ذات صله',
  'للمزيد',
  'تابعونا',
  'تابعوا',
  'اشترك',
  'اضغط هنا',
  'انقر هنا',
  'حمل تطبيق',
  'read more',
  'read also',
  'related',
  'see also',
].map((p) => normalizeArabic(p));

/** Phrases (normalized) that mark a site blurb or a prompt anywhere in a line. */
export const NON_CONTENT_PHRASES = [
  'اكتشف المزيد',
  'اضغط هنا',
  'انقر هنا',
  'جميع الحقوق محفوظه',
  'لمتابعه اخر الاخبار',
  'تابعونا على',
].map((p) => normalizeArabic(p));

/**
 * The phrases as one regex over raw text, tolerant of the spellings the normalizer
 * folds (alef forms, ة/ه, ى/ي, runs of spaces): one scan per line instead of folding
 * every line of every article.
 */
const PHRASE_PATTERN = new RegExp(
  NON_CONTENT_PHRASES.map((p) =>
    [...p].map((ch) => ({ ا: '[اأإآٱ]', ه: '[هة]', ي: '[يى]', ' ': '\\s+' })[ch] ?? ch).join(''),
  ).join('|'),
);

const URL_ONLY = /^\s*(https?:\/\/|www\.)\S+\s*$/i;

/** First letters (normalized) of the prefixes: a line starting with any other letter skips the prefix test. */
const PREFIX_FIRST_LETTERS = new Set(NON_CONTENT_PREFIXES.map((p) => p[0]!));
const FIRST_LETTER = /[\p{L}\p{N}]/u;

/** Longest prefix, in characters of the raw line, that the prefix test needs to look at. */
const PREFIX_WINDOW = 60;

function fold(text: string): string {
  return normalizeArabic(text)
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when a line of an article is content (not a related link, blurb or prompt).
 * Only the head of the line is folded for the prefix test, and phrases are found with
 * one regex over the raw line: this runs on every line of every article at index time.
 */
export function isContentLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || URL_ONLY.test(text)) return false;
  const first = FIRST_LETTER.exec(text.slice(0, PREFIX_WINDOW));
  if (!first) {
    if (fold(text) === '') return false;
  } else if (PREFIX_FIRST_LETTERS.has(normalizeArabic(first[0]))) {
    // Most lines start with و or another letter no prefix starts with: only the rest are folded.
    const head = fold(text.slice(0, PREFIX_WINDOW));
    if (NON_CONTENT_PREFIXES.some((p) => head.startsWith(p))) return false;
  }
  return !PHRASE_PATTERN.test(text);
}
