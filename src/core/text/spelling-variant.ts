import { LETTER_CLASS, stripPrefix } from './name-key.js';

/**
 * Whether two normalized words are spellings of one name: بوتن/بوتين, جونغ/جونج,
 * زيلنسكي/زيلينسكي, بيونغيانغ/بيونجيانج. The phonetic key groups far more than that
 * (بوتين with البطن, السعودية with السعادة), so a candidate from the key must also be
 * close: after the same prefix is stripped, at most one edit per four letters, where an
 * edit is a long vowel (ا و ي) added or dropped or a letter swapped for one of the same
 * sound (غ/ج, ط/ت …). Words under four letters only match themselves: short Arabic words
 * that differ by a vowel are different words (حرب, حارب).
 */
export function isSpellingVariant(a: string, b: string): boolean {
  const x = stripPrefix(a);
  const y = stripPrefix(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < MIN_VARIANT_LETTERS) return false;
  const budget = Math.max(1, Math.floor(Math.min(x.length, y.length) / LETTERS_PER_EDIT));
  return spellingDistance(x, y, budget) <= budget;
}

/** Shortest word that can have spelling variants. */
export const MIN_VARIANT_LETTERS = 4;
/** One allowed edit per this many letters (at least one). */
export const LETTERS_PER_EDIT = 4;

const VOWELS = new Set(['ا', 'و', 'ي']);
const cls = (ch: string) => LETTER_CLASS[ch] ?? ch;

/** Edit distance where only vowel insertions/deletions and same-sound swaps are allowed; > max means "not a variant". */
function spellingDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  prev[0] = 0;
  for (let j = 1; j <= b.length; j++) prev[j] = VOWELS.has(b[j - 1]!) ? prev[j - 1]! + 1 : Infinity;
  for (let i = 1; i <= a.length; i++) {
    const ca = a[i - 1]!;
    cur[0] = VOWELS.has(ca) ? prev[0]! + 1 : Infinity;
    let rowMin = cur[0]!;
    for (let j = 1; j <= b.length; j++) {
      const cb = b[j - 1]!;
      let best = ca === cb ? prev[j - 1]! : cls(ca) === cls(cb) ? prev[j - 1]! + 1 : Infinity;
      if (VOWELS.has(ca)) best = Math.min(best, prev[j]! + 1);
      if (VOWELS.has(cb)) best = Math.min(best, cur[j - 1]! + 1);
      cur[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
