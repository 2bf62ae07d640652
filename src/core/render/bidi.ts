/**
 * Bidi isolation. An Arabic title inside an English sentence (or a Latin name inside
 * Arabic) reorders its neighbours' punctuation unless it is isolated; FSI…PDI lets each
 * run take its own direction without disturbing the line around it. Every surface
 * (Telegram, Discord, console) finds the runs to isolate here.
 */
import type { Locale } from '../commands/reply.js';
import { ARABIC_LETTER, ARABIC_SCRIPT_CHAR } from '../text/arabic-letter.js';

export const FSI = '\u2068';
export const PDI = '\u2069';
export const RLI = '\u2067';

/** Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = 'A-Za-z\\u00C0-\\u024F';
const LTR = new RegExp(`[${LATIN_LETTER}]`);
/** The first strong (letter) character decides a line's direction, as `dir="auto"` does. */
const FIRST_STRONG = new RegExp(`[${LATIN_LETTER}\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]`);

/** A run of Latin text inside Arabic: names, acronyms, ids (Kim Jong Un, T-54, BRICS). */
const LATIN_RUN = new RegExp(`[${LATIN_LETTER}](?:[${LATIN_LETTER}0-9 .\\-_'’/&]*[${LATIN_LETTER}0-9])?`, 'g');

/**
 * A run of Arabic text inside English: a title, a name, a quoted phrase, with its inner
 * spaces, digits and punctuation; it starts at a letter and ends at a letter and its harakat.
 */
const ARABIC_RUN = new RegExp(
  `${ARABIC_LETTER}(?:[${ARABIC_SCRIPT_CHAR}0-9 \\u00A0.,:;!?'"«»“”()\\-–—]*${ARABIC_LETTER})?\\p{M}*`,
  'gu',
);

/** True when the text holds both right-to-left and left-to-right letters. */
export function isMixedDirection(text: string): boolean {
  return RTL.test(text) && LTR.test(text);
}

/** True when the first letter of the text is right-to-left (the line reads right to left). */
export function startsRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first !== undefined && RTL.test(first);
}

/** Wraps a dynamic value in FSI…PDI when it could disturb the text around it. */
export function isolate(value: string): string {
  if (value === '' || value.startsWith(FSI)) return value;
  return RTL.test(value) || LTR.test(value) ? FSI + value + PDI : value;
}

/**
 * The [start, end) ranges of `text` written in the other direction than `base`: Latin
 * runs in an Arabic line, Arabic runs in an English one. Only a line that really mixes
 * directions gets any, because isolating a pure line changes nothing but its alignment.
 */
export function foreignRuns(text: string, base: Locale): [number, number][] {
  if (!isMixedDirection(text)) return [];
  const pattern = base === 'ar' ? LATIN_RUN : ARABIC_RUN;
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** Wraps each of the ascending, disjoint `ranges` of `text` in FSI…PDI. */
export function isolateRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    out += text.slice(at, start) + FSI + text.slice(start, end) + PDI;
    at = end;
  }
  return out + text.slice(at);
}

/** Isolates each run written in the other direction than `base` (see `foreignRuns`). */
export function isolateForeignRuns(text: string, base: Locale): string {
  return isolateRanges(text, foreignRuns(text, base));
}
