import { normalizeArabic } from '../text/normalize-arabic.js';

/**
 * Tells article content from the lines news sites paste around it: related-link lines
 * («شاهد ايضاً: …»), calls to action («اكتشف المزيد … على خبرين»), share/follow prompts,
 * copyright lines and bare URLs. Such lines are kept out of search, summaries and quotes.
 */

/** Line openings (normalized) that mark a related link or a prompt, not content. */
export const NON_CONTENT_PREFIXES = [
  'شاهد ايضا', 'شاهد كذلك', 'شاهد المزيد', 'اقرا ايضا', 'اقرا كذلك', 'اقرا المزيد', 'طالع ايضا',
  'طالع كذلك', 'مواضيع ذات صله', 'اخبار ذات صله', 'ذات صله', 'للمزيد', 'تابعونا', 'تابعوا',
  'اشترك', 'اضغط هنا', 'انقر هنا', 'حمل تطبيق', 'read more', 'read also', 'related', 'see also',
].map((p) => normalizeArabic(p));

/** Phrases (normalized) that mark a site blurb or a prompt anywhere in a line. */
export const NON_CONTENT_PHRASES = [
  'اكتشف المزيد', 'اضغط هنا', 'انقر هنا', 'جميع الحقوق محفوظه', 'لمتابعه اخر الاخبار', 'تابعونا على',
].map((p) => normalizeArabic(p));

const URL_ONLY = /^\s*(https?:\/\/|www\.)\S+\s*$/i;

/** True when a line of an article is content (not a related link, blurb or prompt). */
export function isContentLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || URL_ONLY.test(text)) return false;
  const norm = normalizeArabic(text).replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();
  if (norm === '') return false;
  if (NON_CONTENT_PREFIXES.some((p) => norm.startsWith(p))) return false;
  return !NON_CONTENT_PHRASES.some((p) => norm.includes(p));
}
