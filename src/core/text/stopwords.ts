import { normalizeArabic } from './normalize-arabic.js';

/**
 * Function words that carry no topic. They are still indexed (phrases need them), but a
 * query drops them so that «أخبار عن بوتين» means «بوتين». Kept short on purpose: a
 * long list starts eating content words.
 */
const STOPWORDS_SOURCE = [
  'في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'و', 'أو', 'او', 'ثم', 'أن', 'إن', 'ان', 'أنه', 'انه',
  'التي', 'الذي', 'الذين', 'اللذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'هو', 'هي', 'هم', 'كان', 'كانت',
  'قد', 'لقد', 'لم', 'لن', 'لا', 'ما', 'ماذا', 'كل', 'بعد', 'قبل', 'حول', 'بين', 'عند', 'منذ', 'حتى',
  'أي', 'اي', 'كما', 'لكن', 'بل', 'إذا', 'اذا', 'أيضا', 'ايضا', 'فقط', 'عبر', 'ضد', 'دون', 'غير',
  'هل', 'أين', 'متى', 'كيف', 'لماذا', 'خبر', 'أخبار', 'اخبار',
  'the', 'a', 'an', 'of', 'in', 'on', 'to', 'and', 'or', 'about', 'for', 'news', 'is', 'what', 'who',
] as const;

/** Normalized stopwords. */
export const STOPWORDS: ReadonlySet<string> = new Set(STOPWORDS_SOURCE.map((w) => normalizeArabic(w)));

/** True when a normalized word is a stopword. */
export function isStopword(normalizedWord: string): boolean {
  return STOPWORDS.has(normalizedWord);
}
