import { isArabicWord } from './arabic-letter.js';
import { createGenerationalCache } from './generational-cache.js';
import { EXTENDED_PREFIXES, LIGHT10_PREFIXES } from './stem-arabic.js';

/**
 * A phonetic key for transliterated names, so that بوتين/بوتن, جونغ/جونج,
 * زيلينسكي/زيلنسكي and بيونغيانغ/بيونج يانج fold to one key.
 *
 * Foreign names are spelled with or without long vowels, and with several letters for one
 * sound (g: غ ج گ; emphatic/plain pairs). The key keeps the first letter, maps those
 * letters to one class, drops medial long vowels (ا و ي), keeps a final vowel as ا or ي,
 * and collapses doubled letters. It works on normalized text.
 */

/** Letters that transliterations use for one sound, mapped to one representative. */
export const LETTER_CLASS: Readonly<Record<string, string>> = {
  غ: 'ج',
  گ: 'ج',
  چ: 'ج',
  ڠ: 'ج',
  ط: 'ت',
  ص: 'س',
  ض: 'د',
  ظ: 'ز',
  ؤ: 'ا',
  ئ: 'ا',
  ء: 'ا',
  پ: 'ب',
  ڤ: 'ف',
  ک: 'ك',
  ی: 'ي',
};
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);

/** Skeletons shorter than this are too ambiguous to be a key: the word stands for itself. */
export const MIN_NAME_KEY_CONSONANTS = 3;

/** Strips one article/conjunction prefix (وال, بال, لل, و …) the way the stemmer would. */
export function stripPrefix(word: string): string {
  for (const prefix of [...EXTENDED_PREFIXES, ...LIGHT10_PREFIXES]) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) return word.slice(prefix.length);
  }
  return word;
}

/**
 * Phonetic key of one normalized word. Non-Arabic words and words too short to key
 * come back as they are, so a key never matches more than the word could.
 */
export function nameKey(normalizedWord: string): string {
  let key = keyCache.get(normalizedWord);
  if (key === undefined) {
    key = computeNameKey(normalizedWord);
    keyCache.set(normalizedWord, key);
  }
  return key;
}

/** Distinct words whose keys are remembered, per generation (see `FORM_CACHE_SIZE` in tokenize.ts). */
export const KEY_CACHE_SIZE = 100_000;
const keyCache = createGenerationalCache<string>(KEY_CACHE_SIZE);

function computeNameKey(normalizedWord: string): string {
  if (!isArabicWord(normalizedWord)) return normalizedWord;
  const word = stripPrefix(normalizedWord);
  let key = '';
  let consonants = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = LETTER_CLASS[word[i]!] ?? word[i]!;
    const isLast = i === word.length - 1;
    let out: string;
    if (i === 0) out = ch;
    else if (LONG_VOWELS.has(ch)) {
      if (!isLast) continue;
      out = ch === 'ي' ? 'ي' : 'ا';
    } else out = ch;
    if (key.endsWith(out)) continue;
    if (!LONG_VOWELS.has(out) || i === 0) consonants++;
    key += out;
  }
  return consonants >= MIN_NAME_KEY_CONSONANTS ? key : word;
}
