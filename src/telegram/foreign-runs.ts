import { isMixedDirection } from '../core/render/bidi.js';
import type { Locale } from '../core/commands/reply.js';

const ARABIC_LETTER = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const LATIN_LETTER = 'A-Za-z\\u00C0-\\u024F';

/** A run of Latin text inside Arabic: names, acronyms, ids (Kim Jong Un, T-54, BRICS). */
const LATIN_RUN = new RegExp(`[${LATIN_LETTER}](?:[${LATIN_LETTER}0-9 .\\-_'’/&]*[${LATIN_LETTER}0-9])?`, 'g');

/** A run of Arabic text inside English: a title, a name, a quoted phrase, with its inner spaces and digits. */
const ARABIC_RUN = new RegExp(`[${ARABIC_LETTER}](?:[${ARABIC_LETTER}0-9 \\u00A0.,:;!?'"«»“”()\\-–—]*[${ARABIC_LETTER}])?`, 'g');

/**
 * The [start, end) ranges of `text` written in the other direction than the reply's
 * language: Latin runs in an Arabic reply, Arabic runs in an English one. Only a line
 * that really mixes directions gets any, because isolating a pure line changes nothing
 * but its alignment.
 */
export function foreignRuns(text: string, locale: Locale): [number, number][] {
  if (!isMixedDirection(text)) return [];
  const pattern = locale === 'ar' ? LATIN_RUN : ARABIC_RUN;
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}
