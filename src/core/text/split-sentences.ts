/**
 * Sentence splitting for Arabic news. A sentence ends at . ! ? ؟ … or a line break, but
 * never inside quotation marks (a quote of three sentences stays one sentence, so a
 * summary never cuts a speaker off), never between digits (3.5) and never after a lone
 * Latin initial or «د.» (doctor). The comma ، and semicolon ؛ join clauses and do not end a sentence.
 */

/** A sentence and where it stands in the source. */
export interface SentenceSpan {
  readonly text: string;
  /** 0-based index of the line (paragraph) the sentence starts in. */
  readonly paragraph: number;
  /** UTF-16 offsets in the source text: `text === source.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

const OPENING_QUOTES = new Set(['«', '“', '„']);
const CLOSING_QUOTES = new Set(['»', '”']);
const NEUTRAL_QUOTE = '"';
const TERMINATORS = new Set(['.', '!', '?', '؟', '…']);

/** A quote left open longer than this is taken as a stray mark, not a quotation. */
export const MAX_QUOTE_CHARS = 1200;

/** Only these characters can change the splitter's state; everything else is skipped. */
const SIGNIFICANT = /[.!?؟…«»“”„"]/g;

function splitLine(line: string): [number, number][] {
  const out: [number, number][] = [];
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
    if (ch === '.' && isDoctor(line, i)) continue; // «وقال د. خالد النمر»
    // Take trailing terminators and closing quotes/brackets with the sentence.
    let end = i + 1;
    while (end < line.length && (TERMINATORS.has(line[end]!) || CLOSING_QUOTES.has(line[end]!) || line[end] === ')'))
      end++;
    if (end < line.length && !/\s/.test(line[end]!)) continue; // "a.b" inside a token
    out.push([start, end]);
    start = end;
    SIGNIFICANT.lastIndex = end;
  }
  out.push([start, line.length]);
  // Trim each piece by moving its bounds, so offsets stay exact.
  const pieces: [number, number][] = [];
  for (let [a, b] of out) {
    while (a < b && /\s/.test(line[a]!)) a++;
    while (b > a && /\s/.test(line[b - 1]!)) b--;
    if (HAS_WORD.test(line.slice(a, b))) pieces.push([a, b]);
  }
  return pieces;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * «د.» (doctor) before a name: a lone «د» with a space and an Arabic word after the dot is
 * the title, not a sentence end, so «وقال د. خالد النمر: …» keeps its speaker.
 */
function isDoctor(line: string, dot: number): boolean {
  return (
    line[dot - 1] === 'د' &&
    !/[\p{L}\p{M}]/u.test(line[dot - 2] ?? '') &&
    /^ [\u0621-\u064A]/.test(line.slice(dot + 1, dot + 3))
  );
}

/** Splits text (one paragraph per line) into sentences, in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let offset = 0;
  let paragraph = 0;
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    for (const [a, b] of splitLine(line))
      spans.push({ text: line.slice(a, b), paragraph, start: offset + a, end: offset + b });
    offset = lineEnd + 1;
    paragraph++;
  }
  return spans;
}
