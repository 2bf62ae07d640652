import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../../src/core/text/normalize-arabic.js';
import { stemArabic } from '../../../src/core/text/stem-arabic.js';

const stem = (w: string) => stemArabic(normalizeArabic(w));

describe('stemArabic extensions beyond light10', () => {
  it.each([
    ['وبالحرب', 'حرب'],
    ['وللحرب', 'حرب'],
    ['فللحرب', 'حرب'],
    ['علاقاتهم', 'علاق'],
    ['بلادنا', 'بلاد'],
    ['شركائنا', 'شركائ'],
  ])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));

  it.each([
    ['short words keep their letters', 'هم', 'هم'],
    ['a three-letter root is not eaten', 'نام', 'نام'],
    ['Latin untouched', 'brics', 'brics'],
  ])('%s: %s → %s', (_name, word, expected) => expect(stem(word)).toBe(expected));

  it.each([
    ['الحرب', 'حرب', 'وبالحرب'],
    ['الدولة', 'دولتان', 'للدولة'],
  ])('%s and its inflections share a stem', (a, _b, c) => {
    expect(stem(a)).toBe(stem(c));
  });
});
