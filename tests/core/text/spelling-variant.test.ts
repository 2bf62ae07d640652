import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../../src/core/text/normalize-arabic.js';
import { isSpellingVariant } from '../../../src/core/text/spelling-variant.js';

const variant = (a: string, b: string) => isSpellingVariant(normalizeArabic(a), normalizeArabic(b));

describe('isSpellingVariant', () => {
  it.each([
    ['بوتين', 'بوتن'],
    ['وبوتين', 'بوتن'],
    ['جونغ', 'جونج'],
    ['زيلينسكي', 'زيلنسكي'],
    ['بيونغيانغ', 'بيونجيانج'],
    ['تسوكرمان', 'تسوكرمن'],
    ['كوروتشينكو', 'كوروتشنكو'],
  ])('%s ≈ %s', (a, b) => expect(variant(a, b)).toBe(true));

  it.each([
    ['بوتين', 'البطن', 'a skeleton in common is not a spelling'],
    ['السعودية', 'السعادة', 'a vowel swapped for another changes the word'],
    ['الأمير', 'الأمور', 'same'],
    ['حرب', 'حارب', 'short words differ by a vowel'],
    ['بيسكوف', 'بوتين', 'different names'],
    ['بيونغيانغ', 'بيونجيانجي', 'too many edits for the length'],
  ])('%s ≉ %s (%s)', (a, b) => expect(variant(a, b)).toBe(false));
});
