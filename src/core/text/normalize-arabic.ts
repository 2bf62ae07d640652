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

/**
 * Text outside ASCII and the basic Arabic block takes the full path: NFKC changes nothing
 * in that block except U+0675–U+0678 (high-hamza ligatures), and U+06F0–U+06F9 (Persian
 * digits) are folded by the full path only.
 */
const NEEDS_FULL_PATH = /[^\u0000-\u007F\u0600-\u0674\u0679-\u06EF]/;

/**
 * The same folding as the full path, in one pass over the characters, for the text that
 * almost all words are (ASCII and basic Arabic): index time normalizes millions of words.
 */
function normalizeFast(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) continue; // harakat, superscript alef, tatweel
    if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671)
      c = 0x0627; // آ أ إ ٱ → ا
    else if (c === 0x0649)
      c = 0x064a; // ى → ي
    else if (c === 0x0629)
      c = 0x0647; // ة → ه
    else if (c >= 0x0660 && c <= 0x0669)
      c = 0x30 + (c - 0x0660); // Arabic-Indic digits
    else if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z
    out += String.fromCharCode(c);
  }
  return out;
}

/** Normalizes a string for matching (never for display). Idempotent. */
export function normalizeArabic(text: string): string {
  if (!NEEDS_FULL_PATH.test(text)) return normalizeFast(text);
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
