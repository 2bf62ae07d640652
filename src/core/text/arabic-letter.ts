/**
 * What "an Arabic letter" means everywhere in nashra: a letter (`\p{L}`) of the Arabic
 * script — the basic alphabet, the Persian/Urdu additions (پ چ ڤ گ ی), the supplement
 * and extended blocks and the presentation forms. Tatweel, harakat, Arabic-Indic digits
 * and Arabic punctuation are not letters. Every module that asks "is this Arabic?" asks
 * here, so the question has one answer.
 *
 * The tokenizer and the normalizer's fast path keep their own char-code ranges: they run
 * on every character of every article and decide word characters, a different question.
 */

/** Regex source of one Arabic letter (a `u`-flag pattern; Arabic script ∩ letters). */
export const ARABIC_LETTER = '[^\\P{Script=Arabic}\\P{L}]';

/**
 * Regex source, for use inside a character class, of every character Arabic writing
 * uses: letters, harakat, tatweel, Arabic-Indic digits, ، ؛ ؟ (Script_Extensions).
 */
export const ARABIC_SCRIPT_CHAR = '\\p{Script_Extensions=Arabic}';

const ANY_ARABIC_LETTER = new RegExp(ARABIC_LETTER, 'u');
const ONLY_ARABIC_LETTERS = new RegExp(`^${ARABIC_LETTER}+$`, 'u');
/** The basic alphabet (ء–غ, ف–ي; not tatweel), all Arabic letters: a quick yes for most words. */
const ONLY_BASIC_LETTERS = /^[\u0621-\u063A\u0641-\u064A]+$/;

/** True when the text holds at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return ANY_ARABIC_LETTER.test(text);
}

/** True when the word is made of Arabic letters only (no digits, marks, tatweel or Latin). */
export function isArabicWord(word: string): boolean {
  return ONLY_BASIC_LETTERS.test(word) || ONLY_ARABIC_LETTERS.test(word);
}
