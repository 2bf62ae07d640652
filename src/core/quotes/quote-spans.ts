/**
 * Finds quotation spans in one sentence, whatever marks the writer used: « », “ ”, „,
 * straight ", and the common slips — a closing mark typed as an opening one (“…“), a
 * quote never closed before the attribution resumes («“… العالم. وقال X: “…”»), a quote
 * left open to the end of the paragraph (the news convention for multi-paragraph quotes).
 *
 * Whether a mark opens or closes is read from its neighbours (Markdown's flanking rule):
 * space before and a letter after opens; a letter before and space or punctuation after
 * closes; only when both or neither hold does the glyph decide.
 */

/** A quoted stretch of a sentence. Offsets are UTF-16 indexes into the sentence. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  readonly open: number;
  /** Index of the closing mark, or the sentence length when the quote runs to the end. */
  readonly close: number;
  /** The quoted words, trimmed, without the marks. */
  readonly text: string;
  /** Offset of `text` in the sentence. */
  readonly textStart: number;
}

const MARKS = new Set(['«', '»', '“', '”', '„', '‟', '"']);
const BOUNDARY_BEFORE = /[\s([{:،,؛;—–\-ـ]/;
const BOUNDARY_AFTER = /[\s.,،:؛;!?؟…)\]}\-—–]/;
const TERMINATOR = /[.!?؟…]/;

type Role = 'open' | 'close';

function roleOf(text: string, i: number, isOpen: boolean): Role {
  const ch = text[i]!;
  if (ch === '«') return 'open';
  if (ch === '»') return 'close';
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = i + 1 < text.length ? text[i + 1]! : ' ';
  const boundaryBefore = BOUNDARY_BEFORE.test(prev) || MARKS.has(prev);
  const boundaryAfter = BOUNDARY_AFTER.test(next) || MARKS.has(next);
  if (boundaryBefore && !boundaryAfter) return 'open';
  if (!boundaryBefore && boundaryAfter) return 'close';
  // «قولها :” إن …»: a mark standing alone after a colon opens, whatever its glyph.
  if (!isOpen && /:\s*$/.test(text.slice(Math.max(0, i - 3), i))) return 'open';
  // «… رجال الشرطة “.»: with a quote open, a mark standing alone before the full stop closes it.
  if (isOpen && (i + 1 >= text.length || /[.!?؟…،]/.test(text.slice(i + 1).trimStart()[0] ?? '.'))) return 'close';
  if (ch === '”') return 'close';
  if (ch === '"') return isOpen ? 'close' : 'open';
  return 'open'; // “ „ ‟
}

function span(text: string, open: number, close: number): QuoteSpan | null {
  const raw = text.slice(open + 1, close);
  const lead = raw.length - raw.trimStart().length;
  const inner = raw.trim();
  return inner === '' ? null : { open, close, text: inner, textStart: open + 1 + lead };
}

/**
 * Where a quote that was never closed really ends, when a new quote opens after an
 * attribution colon: at its last sentence terminator (the narration follows it), or -1
 * when the first mark was a stray.
 */
function implicitClose(text: string, open: number, nextOpen: number): number {
  const before = text.slice(open + 1, nextOpen).trimEnd();
  if (!before.endsWith(':')) return -2; // not an attribution: a nested quote
  for (let i = before.length - 1; i >= 0; i--) {
    if (TERMINATOR.test(before[i]!) && i < before.length - 1) return open + 1 + i + 1;
  }
  return -1;
}

/** The top-level quotation spans of a sentence, in order; nested quotes stay inside theirs. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: number[] = []; // opening mark offsets; depth 2 at most
  const push = (s: QuoteSpan | null): void => {
    if (s) spans.push(s);
  };
  for (let i = 0; i < text.length; i++) {
    if (!MARKS.has(text[i]!)) continue;
    const role = roleOf(text, i, stack.length > 0);
    if (role === 'close') {
      const open = stack.pop();
      if (open !== undefined && stack.length === 0) push(span(text, open, i));
      continue; // a stray closing mark is ignored
    }
    if (stack.length === 0) {
      stack.push(i);
      continue;
    }
    const outer = stack[0]!;
    const end = stack.length === 1 ? implicitClose(text, outer, i) : -2;
    if (end >= 0) {
      push(span(text, outer, end));
      stack.length = 0;
      stack.push(i);
    } else if (end === -1) {
      stack.length = 0; // the earlier mark was a stray
      stack.push(i);
    } else if (stack.length < 2) {
      stack.push(i); // a quote inside a quote
    }
  }
  if (stack.length > 0) push(span(text, stack[0]!, text.length));
  return spans;
}
