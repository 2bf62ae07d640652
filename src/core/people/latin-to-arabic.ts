/**
 * Spells a Latin-script name the way Arabic news transliterates it («Putin» → «بوتين»،
 * «Zelensky» → «زيلينسكي»), so that a user typing a name in English finds the person the
 * articles name in Arabic. It only has to be good enough for `nameKey`, which keeps the
 * first letter, the consonants and a final vowel: medial vowels may be approximate.
 */

/** Names whose Arabic spelling no letter rule gives. Keys are lower-case Latin. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  xi: 'شي',
  jinping: 'جين بينغ',
  mohammed: 'محمد',
  muhammad: 'محمد',
  mohammad: 'محمد',
  abdullah: 'عبدالله',
  jean: 'جان',
  pierre: 'بيير',
  joe: 'جو',
  john: 'جون',
  george: 'جورج',
};

const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['tch', 'تش'],
  ['sch', 'ش'],
  ['sh', 'ش'],
  ['ch', 'تش'],
  ['kh', 'خ'],
  ['zh', 'ج'],
  ['gh', 'غ'],
  ['ph', 'ف'],
  ['th', 'ث'],
  ['ts', 'تس'],
  ['tz', 'تس'],
  ['ck', 'ك'],
  ['qu', 'كو'],
  ['ng', 'نغ'],
];
const LETTERS: Readonly<Record<string, string>> = {
  b: 'ب',
  c: 'ك',
  d: 'د',
  f: 'ف',
  g: 'غ',
  h: 'ه',
  j: 'ج',
  k: 'ك',
  l: 'ل',
  m: 'م',
  n: 'ن',
  p: 'ب',
  q: 'ك',
  r: 'ر',
  s: 'س',
  t: 'ت',
  v: 'ف',
  w: 'و',
  x: 'كس',
  z: 'ز',
};
const VOWEL_LETTER: Readonly<Record<string, string>> = { a: 'ا', e: 'ي', i: 'ي', o: 'و', u: 'و', y: 'ي' };
const VOWELS = /[aeiouy]/;

/** Arabic spelling of one Latin word (lower or upper case); non-Latin input comes back unchanged. */
export function latinToArabic(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '' || !/^[a-z]/i.test(word)) return word;
  const exception = EXCEPTIONS[w];
  if (exception) return exception;
  // A final silent e after a consonant («Pierre», «Kane») is not written in Arabic.
  const src = w.length > 3 && w.endsWith('e') && !VOWELS.test(w[w.length - 2]!) ? w.slice(0, -1) : w;
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const digraph = DIGRAPHS.find(([latin]) => src.startsWith(latin, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    if (VOWELS.test(ch) && !(ch === 'y' && (i === 0 || VOWELS.test(src[i - 1]!)))) {
      let j = i;
      while (j < src.length && VOWELS.test(src[j]!) && !(src[j] === 'y' && j > i)) j++;
      const last = src[j - 1]!; // a vowel run is written with its last vowel: «yeol» → «يول»
      out += i === 0 ? (last === 'a' ? 'ا' : `ا${VOWEL_LETTER[last]}`) : VOWEL_LETTER[last];
      i = j;
      continue;
    }
    if (ch === 'c') out += /[eiy]/.test(src[i + 1] ?? '') ? 'س' : 'ك';
    else if (ch === 'y') out += 'ي';
    else out += LETTERS[ch] ?? '';
    i++;
  }
  return out;
}
