import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../../src/core/text/normalize-arabic.js';

describe('normalizeArabic', () => {
  it.each([
    ['harakat and shadda', 'صَوَّتَ', 'صوت'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['tatweel', 'بـــوتين', 'بوتين'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['alef forms', 'إيكيا أحمد آمال', 'ايكيا احمد امال'],
    ['alef maksura and teh marbuta', 'مستشفى القمة', 'مستشفي القمه'],
    ['Arabic-Indic digits', '١٢٣ ۴۵۶', '123 456'],
    ['quotation marks', '«أ» “ب” „ج‟', '"ا" "ب" "ج"'],
    ['bidi controls and zero-width', '\u2067بوتين\u2069\u200f', 'بوتين'],
    ['Latin lower-cased', 'Putin BRICS', 'putin brics'],
    ['presentation forms (NFKC)', 'ﻻ', 'لا'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeArabic('قالَ «إيغور» ٢٠٢٤ ـ مؤكّداً');
    expect(normalizeArabic(once)).toBe(once);
  });
});

describe('normalizeArabic fast path', () => {
  it.each([
    ['Persian digits in the Arabic block', '۱۲۳', '123'],
    ['a high-hamza ligature (NFKC)', 'ٵ', 'اٴ'],
    ['plain Arabic and ASCII', 'Al-أهرام 2024', 'al-اهرام 2024'],
  ])('%s', (_name, input, expected) => expect(normalizeArabic(input)).toBe(expected));
});
