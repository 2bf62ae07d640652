/**
 * Sentence splitting for Arabic news. A sentence ends at . ! ? ؟ … or a line break, but
 * never inside quotation marks (a quote of three sentences stays one sentence, so a
 * summary never cuts a speaker off), never between digits (3.5) and never after a lone
 * Latin initial. The comma ، and semicolon ؛ join clauses and do not end a sentence.
 */

/** A sentence and where it stands in the source. */
export interface SentenceSpan {
  readonly text: string;
  /** 0-based index of the line (paragraph) the sentence starts in. */
  readonly paragraph: number;
}

const OPENING_QUOTES = new Set(['«', '“', '„']);
const CLOSING_QUOTES = new Set(['»', '”']);
const NEUTRAL_QUOTE = '"';
const TERMINATORS = new Set(['.', '!', '?', '؟', '…']);

/** A quote left open longer than this is taken as a stray mark, not a quotation. */
export const MAX_QUOTE_CHARS = 1200;

/** Only these characters can change the splitter's state; everything else is skipped. */
const SIGNIFICANT = /[.!?؟…«»“”„"]/g;

function splitLine(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoteOpenedAt = -1;
  SIGNIFICANT.lastIndex = 0;
  for (let m = SIGNIFICANT.exec(line); m !== null; m = SIGNIFICANT.exec(line)) {
    const i = m.index;
    const ch = line[i]!;
    if (quoteOpenedAt >= 0) {
      // Inside a quotation any quote mark closes it: writers often type “ twice.
      if (OPENING_QUOTES.has(ch) || CLOSING_QUOTES.has(ch) || ch === NEUTRAL_QUOTE) quoteOpenedAt = -1;
      else if (i - quoteOpenedAt > MAX_QUOTE_CHARS) quoteOpenedAt = -1;
      else continue;
    } else if (OPENING_QUOTES.has(ch) || ch === NEUTRAL_QUOTE) {
      quoteOpenedAt = i;
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    const prev = line[i - 1] ?? '';
    const next = line[i + 1] ?? '';
    if (ch === '.' && /\d/.test(prev) && /\d/.test(next)) continue; // 3.5
    if (ch === '.' && /^[A-Za-z]$/.test(prev) && !/[A-Za-z]/.test(line[i - 2] ?? '')) continue; // J. Smith
    // Take trailing terminators and closing quotes/brackets with the sentence.
    let end = i + 1;
    while (end < line.length && (TERMINATORS.has(line[end]!) || CLOSING_QUOTES.has(line[end]!) || line[end] === ')')) end++;
    if (end < line.length && !/\s/.test(line[end]!)) continue; // "a.b" inside a token
    out.push(line.slice(start, end));
    start = end;
    SIGNIFICANT.lastIndex = end;
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Splits text (one paragraph per line) into sentences, in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  text.split(/\r?\n/).forEach((line, paragraph) => {
    for (const sentence of splitLine(line)) spans.push({ text: sentence, paragraph });
  });
  return spans;
}
