import { normalizeWord } from '../text/tokenize.js';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.js';

/**
 * A sentence as attribution reads it: the narration as words and punctuation, each
 * quotation as one opaque item. Reporting verbs are looked for in the narration only, so
 * «قال» inside a quote never makes anyone a speaker.
 */
export type SentenceItem = WordItem | PunctItem | QuoteItem;

/** A narration word; `norm` is `normalizeArabic(surface)`. */
export interface WordItem {
  readonly kind: 'word';
  readonly surface: string;
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}
/** A punctuation mark of the narration (، : . …). */
export interface PunctItem {
  readonly kind: 'punct';
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}
/** A quoted span, marks included in `surface`; `words` counts the words inside. */
export interface QuoteItem {
  readonly kind: 'quote';
  readonly surface: string;
  readonly span: QuoteSpan;
  readonly words: number;
  readonly start: number;
  readonly end: number;
}

/** True for a narration word. */
export const isWord = (it: SentenceItem | undefined): it is WordItem => it?.kind === 'word';

/**
 * «علي» (the name Ali) and «على» (on) normalize alike; the spelling tells them apart, so the
 * name gets a form of its own for the word lists (a `norm` is only ever looked up, never shown).
 */
const NAME_ALI = 'عليي';

/** «د.» (doctor) as the lists know it. */
const DOCTOR = 'الدكتور';

const TOKEN = /([\p{L}\p{M}\p{N}\u0640]+)|([،,:؛;.!?؟()])/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Number of words in a string (letters or digits runs). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function narration(text: string, from: number, to: number, out: SentenceItem[]): void {
  const part = text.slice(from, to);
  for (const m of part.matchAll(TOKEN)) {
    const start = from + m.index;
    const surface = m[0];
    if (m[1] !== undefined) {
      // على (on) and علي (Ali) fold together; only the written form tells them apart.
      let norm = normalizeWord(surface);
      if (norm === 'علي' && surface.replace(/[\u064B-\u0652\u0640]/g, '') === 'علي') norm = NAME_ALI;
      // «د. خالد النمر»، «د. التويجري»: the abbreviated title reads as the word it stands for.
      if (surface === 'د' && text[start + 1] === '.') norm = DOCTOR;
      if (norm !== '') out.push({ kind: 'word', surface, norm, start, end: start + surface.length });
    } else {
      // «د. خالد النمر»: the dot of the abbreviated title is no punctuation to a subject.
      const last = out[out.length - 1];
      if (surface === '.' && last?.kind === 'word' && last.surface === 'د' && last.end === start) continue;
      out.push({ kind: 'punct', surface, start, end: start + surface.length });
    }
  }
}

/** Splits a sentence into narration words, punctuation and quotation items, in order. */
export function sentenceItems(text: string): SentenceItem[] {
  const items: SentenceItem[] = [];
  let at = 0;
  for (const span of findQuoteSpans(text)) {
    narration(text, at, span.open, items);
    const end = Math.min(text.length, span.close + 1);
    items.push({
      kind: 'quote',
      surface: text.slice(span.open, end),
      span,
      words: countWords(span.text),
      start: span.open,
      end,
    });
    at = end;
  }
  narration(text, at, text.length, items);
  return items;
}
