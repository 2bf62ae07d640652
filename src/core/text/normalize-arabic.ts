/**
 * The one Arabic normalizer used at index time and at query time. Search, quote lookup
 * and person lookup only agree with each other because they all fold text through here.
 *
 * Follows Lucene's ArabicNormalizer (alef forms, alef maksura, teh marbuta, tatweel,
 * harakat) and adds what chat input needs: NFKC, Arabic-Indic digits, one quotation
 * mark, no invisible bidi/zero-width controls, lower-case Latin.
 */

/** Harakat U+064B–U+065F, superscript alef U+0670, tatweel U+0640. */
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
/** Bidi marks, isolates, zero-width joiners and the BOM: invisible, never meaningful in a query. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ
const QUOTE_MARKS = /[«»“”„‟"]/g;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Normalizes a string for matching (never for display). Idempotent. */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLES, '')
    .replace(DIACRITICS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(ARABIC_INDIC_DIGIT, (d) => String((d.charCodeAt(0) & 0x0f) % 10))
    .replace(QUOTE_MARKS, '"')
    .toLowerCase();
}

/** True when the string holds at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return /[\u0620-\u064A\u0671-\u06D3]/.test(text);
}
