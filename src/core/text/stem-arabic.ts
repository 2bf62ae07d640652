/**
 * Light stemming in the Larkey light10 family, exactly as Lucene's ArabicStemmer does it,
 * plus prefixes and pronoun suffixes that real news needs for recall (وبال, ولل, هم, نا …).
 *
 * Light stemming only strips affixes; it never guesses roots, so a wrong stem costs a
 * little precision, never a nonsense match. Input is expected to be normalized first.
 */

/** Lucene's prefixes, in Lucene's order: the first that fits is removed, only one. */
export const LIGHT10_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'] as const;
/** Lucene's suffixes, in Lucene's order: each that fits is removed in turn. */
export const LIGHT10_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'] as const;

/** Extra conjunction + preposition + article prefixes, tried before Lucene's (longest first). */
export const EXTENDED_PREFIXES = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل'] as const;
/** Extra pronoun suffixes, tried before Lucene's. */
export const EXTENDED_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'نا'] as const;

/** Words shorter than this are never stemmed further by the extension. */
const MIN_EXTENDED_STEM = 3;

function startsWithCheckLength(word: string, prefix: string): boolean {
  if (prefix.length === 1 && word.length < 4) return false; // a lone و needs a word of 4+
  if (word.length < prefix.length + 2) return false;
  return word.startsWith(prefix);
}

function endsWithCheckLength(word: string, suffix: string): boolean {
  if (word.length < suffix.length + 2) return false;
  return word.endsWith(suffix);
}

/** Lucene's ArabicStemmer (light10): strips one prefix, then each suffix in turn. */
export function stemLight10(word: string): string {
  let s = word;
  for (const prefix of LIGHT10_PREFIXES) {
    if (startsWithCheckLength(s, prefix)) {
      s = s.slice(prefix.length);
      break;
    }
  }
  for (const suffix of LIGHT10_SUFFIXES) {
    if (endsWithCheckLength(s, suffix)) s = s.slice(0, -suffix.length);
  }
  return s;
}

/**
 * nashra's stemmer: light10 with the extended affixes. It agrees with Lucene on every
 * Lucene test pair; the extension only adds forms light10 leaves whole.
 */
export function stemArabic(word: string): string {
  let s = word;
  for (const prefix of EXTENDED_PREFIXES) {
    if (s.length - prefix.length >= MIN_EXTENDED_STEM && s.startsWith(prefix)) {
      s = s.slice(prefix.length);
      break;
    }
  }
  for (const suffix of EXTENDED_SUFFIXES) {
    if (s.length - suffix.length >= MIN_EXTENDED_STEM + 1 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return stemLight10(s);
}
