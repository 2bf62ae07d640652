/** The forms an Arabic noun takes after a number: one, two (dual), 3–10 (plural), 11 and up (singular accusative). */
export interface ArabicNounForms {
  readonly one: string;
  readonly two: string;
  readonly few: string;
  readonly many: string;
}

/**
 * A count with its noun as Arabic grammar wants it («مصدر واحد», «مصدران», «3 مصادر»,
 * «11 مصدرًا»): a bare «3 مصدر» reads as a machine's.
 */
export function arabicCount(n: number, forms: ArabicNounForms): string {
  if (n === 1) return `${forms.one} واحد`;
  if (n === 2) return forms.two;
  const mod = n % 100;
  if (mod >= 3 && mod <= 10) return `${n} ${forms.few}`;
  return `${n} ${forms.many}`;
}

/** «مصدر» in its counted forms. */
export const SOURCE_FORMS = {
  one: 'مصدر',
  two: 'مصدران',
  few: 'مصادر',
  many: 'مصدرًا',
} as const satisfies ArabicNounForms;
