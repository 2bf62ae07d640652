import { describe, expect, it } from 'vitest';
import { hasArabic, isArabicWord } from '../../../src/core/text/arabic-letter.js';

describe('Arabic letter', () => {
  it.each([
    ['a basic Arabic word', 'بوتين', true],
    ['Latin only', 'Putin', false],
    ['ASCII digits', '123', false],
    ['Latin and Arabic', 'Putin بوتين', true],
    ['a Persian letter (pe)', 'پ', true],
    ['a presentation form (lam-alef)', 'ﻻ', true],
    ['an Arabic supplement letter', 'ݐ', true],
    ['tatweel alone', 'ـ', false],
    ['harakat alone', '\u064E\u0651', false],
    ['Arabic-Indic digits', '٢٠٢٤', false],
    ['Arabic comma and question mark', '، ؟', false],
    ['Hebrew', 'שלום', false],
  ])('hasArabic: %s', (_name, text, expected) => expect(hasArabic(text)).toBe(expected));

  it.each([
    ['a normalized word', 'بوتين', true],
    ['Persian letters in a name', 'گورباچف', true],
    ['with a digit', 'بوتين2', false],
    ['with a haraka', 'بوتينَ', false],
    ['with tatweel', 'بوتـين', false],
    ['two words', 'كيم جونغ', false],
    ['Latin', 'putin', false],
    ['empty', '', false],
  ])('isArabicWord: %s', (_name, word, expected) => expect(isArabicWord(word)).toBe(expected));
});
