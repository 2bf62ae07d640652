import { FSI, foreignRuns, PDI } from '../core/render/bidi.js';
import type { Locale } from '../core/commands/reply.js';
import { escapeHtml } from './escape-html.js';


/** Markup around a [start, end) range of a text: `<b>`…`</b>`, a link, a blockquote. */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** Fixed, well-formed markup; any dynamic part (a URL) already escaped. */
  readonly open: string;
  readonly close: string;
}

/** Plain text with the markup and bidi isolation it should get; escaped only when rendered. */
export interface StyledText {
  readonly text: string;
  /** Properly nested or disjoint ranges (search highlights are disjoint). */
  readonly spans?: readonly Span[];
  /** Ranges always wrapped in FSI…PDI, whatever their script (article ids, dates). */
  readonly isolated?: readonly (readonly [number, number])[];
}

/**
 * Characters that would let a user's text take over the direction of ours (embeddings,
 * overrides, isolates) or that Telegram refuses (C0 controls). Marks (LRM, RLM, ALM) stay:
 * Arabic text uses them legitimately.
 */
const UNSAFE_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

interface Insertion {
  readonly at: number;
  readonly text: string;
  /** Closers (0) go before openers (1) at the same position; `span` orders nesting. */
  readonly kind: 0 | 1;
  readonly length: number;
  /** Order of the range among those added: equal ranges close in reverse. */
  readonly seq: number;
}

/**
 * Renders one styled text as Telegram HTML: every character of `text` escaped, spans as
 * tags, foreign-script runs and `isolated` ranges wrapped in bidi isolates. The output
 * is well-formed on its own, which is what lets a long reply be cut between pieces.
 */
export function renderStyledText(styled: StyledText, locale: Locale): string {
  const { text, spans, isolated } = stripUnsafe(styled);
  const inserts: Insertion[] = [];
  const add = (start: number, end: number, open: string, close: string) => {
    if (end <= start) return;
    const seq = inserts.length;
    inserts.push({ at: start, text: open, kind: 1, length: end - start, seq }, { at: end, text: close, kind: 0, length: end - start, seq });
  };
  for (const s of spans) add(s.start, s.end, s.open, s.close);
  // Runs are found where no forced isolate already stands, so ids are isolated whole.
  let probe = text;
  for (const [start, end] of isolated) {
    add(start, end, FSI, PDI);
    probe = probe.slice(0, start) + ' '.repeat(end - start) + probe.slice(end);
  }
  for (const [start, end] of foreignRuns(probe, locale)) add(start, end, FSI, PDI);

  inserts.sort(
    (a, b) => a.at - b.at || a.kind - b.kind || (a.kind === 1 ? b.length - a.length || a.seq - b.seq : a.length - b.length || b.seq - a.seq),
  );
  let html = '';
  let cursor = 0;
  for (const ins of inserts) {
    html += escapeHtml(text.slice(cursor, ins.at)) + ins.text;
    cursor = ins.at;
  }
  return html + escapeHtml(text.slice(cursor));
}

/** Removes unsafe characters and moves every range onto the shortened text. */
function stripUnsafe(styled: StyledText): { text: string; spans: Span[]; isolated: [number, number][] } {
  const spans = [...(styled.spans ?? [])];
  const isolated = (styled.isolated ?? []).map(([s, e]) => [s, e] as [number, number]);
  if (!UNSAFE_CHAR.test(styled.text)) return { text: styled.text, spans, isolated };
  const map: number[] = [];
  let text = '';
  for (let i = 0; i < styled.text.length; i++) {
    map.push(text.length);
    const ch = styled.text[i]!;
    if (!UNSAFE_CHAR.test(ch)) text += ch;
  }
  map.push(text.length);
  const at = (i: number) => map[Math.max(0, Math.min(i, styled.text.length))]!;
  return {
    text,
    spans: spans.map((s) => ({ ...s, start: at(s.start), end: at(s.end) })),
    isolated: isolated.map(([s, e]) => [at(s), at(e)]),
  };
}
