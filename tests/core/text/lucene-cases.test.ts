import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../../src/core/text/normalize-arabic.js';
import { stemArabic, stemLight10 } from '../../../src/core/text/stem-arabic.js';

/** Lucene's own test pairs (tests/fixtures/README.md): kind, input, expected, test name. */
function readCases(file: string): { kind: string; input: string; expected: string; test: string }[] {
  const text = readFileSync(fileURLToPath(new URL(`../../fixtures/${file}`, import.meta.url)), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [kind = '', input = '', expected = '', test = ''] = line.split('\t');
      return { kind, input, expected, test };
    });
}

const cases = readCases('lucene_arabic_cases.tsv');

describe('Lucene ArabicNormalizationFilter pairs', () => {
  const normalize = cases.filter((c) => c.kind === 'normalize');
  it('has the fixture', () => expect(normalize.length).toBe(15));
  it.each(normalize)('$test: $input → $expected', ({ input, expected }) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('Lucene ArabicStemFilter pairs', () => {
  const stem = cases.filter((c) => c.kind === 'stem');
  it('has the fixture', () => expect(stem.length).toBe(22));
  it.each(stem)('light10 $test: $input → $expected', ({ input, expected }) => {
    expect(stemLight10(input)).toBe(expected);
  });
  it.each(stem)('extended stemmer agrees, $test: $input → $expected', ({ input, expected }) => {
    expect(stemArabic(normalizeArabic(input))).toBe(normalizeArabic(expected));
  });
});

describe('keyword-protected case', () => {
  // Lucene leaves a keyword-marked term alone; nashra's equivalent is the unstemmed `norm`
  // form kept beside every stem, so exact matches never depend on the stemmer.
  it.each(readCases('lucene_arabic_cases_keyword.tsv'))(
    '$input stays $expected when protected',
    ({ input, expected }) => {
      expect(normalizeArabic(input)).toBe(expected);
      expect(stemLight10(input)).not.toBe(expected);
    },
  );
});
