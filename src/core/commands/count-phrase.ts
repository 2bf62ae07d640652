import type { Locale } from './reply.js';

/**
 * Counted nouns in replies («3 نتائج», «11 اقتباسا», "1 quote"). Arabic has six plural
 * forms (zero, one, two, few, many, other) and a count with the wrong one reads as a
 * mistake («7 نتيجة»); `Intl.PluralRules('ar')` picks the form, so 3–10, 11–99, 100
 * and 103 each get the noun their number takes.
 */

/** The nouns nashra counts. */
export type CountNoun = 'result' | 'quote' | 'article' | 'source';

type Forms = Readonly<Record<Intl.LDMLPluralRule, (n: string) => string>>;

/** Arabic forms: one and two are the noun alone (with واحد for one), as Arabic writes them. */
const ARABIC_FORMS = {
  result: {
    zero: () => 'لا نتائج',
    one: () => 'نتيجة واحدة',
    two: () => 'نتيجتان',
    few: (n) => `${n} نتائج`,
    many: (n) => `${n} نتيجة`,
    other: (n) => `${n} نتيجة`,
  },
  quote: {
    zero: () => 'لا اقتباسات',
    one: () => 'اقتباس واحد',
    two: () => 'اقتباسان',
    few: (n) => `${n} اقتباسات`,
    many: (n) => `${n} اقتباسا`,
    other: (n) => `${n} اقتباس`,
  },
  article: {
    zero: () => 'لا مقالات',
    one: () => 'مقال واحد',
    two: () => 'مقالان',
    few: (n) => `${n} مقالات`,
    many: (n) => `${n} مقالا`,
    other: (n) => `${n} مقال`,
  },
  source: {
    zero: () => 'لا مصادر',
    one: () => 'مصدر واحد',
    two: () => 'مصدران',
    few: (n) => `${n} مصادر`,
    many: (n) => `${n} مصدرا`,
    other: (n) => `${n} مصدر`,
  },
} as const satisfies Record<CountNoun, Forms>;

const ENGLISH_NOUNS = {
  result: ['result', 'results'],
  quote: ['quote', 'quotes'],
  article: ['article', 'articles'],
  source: ['source', 'sources'],
} as const satisfies Record<CountNoun, readonly [string, string]>;

const rules: Record<Locale, Intl.PluralRules> = { ar: new Intl.PluralRules('ar'), en: new Intl.PluralRules('en') };

/**
 * `n` and its noun, grammatical in `locale`: countPhrase('ar', 3, 'result') is «3 نتائج»,
 * countPhrase('en', 1, 'quote') "1 quote". With `atLeast`, the count is a floor (search
 * stops counting): «أكثر من 200 نتيجة», "200+ results".
 */
export function countPhrase(locale: Locale, n: number, noun: CountNoun, options: { atLeast?: boolean } = {}): string {
  const count = Math.max(0, Math.trunc(n));
  if (locale === 'en') {
    const [one, many] = ENGLISH_NOUNS[noun];
    return `${count}${options.atLeast ? '+' : ''} ${rules.en.select(count) === 'one' && !options.atLeast ? one : many}`;
  }
  const form = ARABIC_FORMS[noun][rules.ar.select(count)](String(count));
  return options.atLeast ? `أكثر من ${form}` : form;
}
