import type { MessageEntity } from 'grammy/types';
import type { Locale } from '../core/commands/reply.js';
import { FSI, foreignRuns, PDI } from '../core/render/bidi.js';
import type { TelegramMessage } from './telegram-message.js';

/** The styles a span can have: Telegram entity types, a link with its (already checked) URL. */
export type SpanStyle =
  | { readonly type: 'bold' | 'italic' | 'blockquote' }
  | { readonly type: 'text_link'; readonly url: string };

/** A style over a [start, end) range of a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly style: SpanStyle;
}

/** Plain text with the styles and bidi isolation it should get. */
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

/**
 * Renders one styled text as a Telegram message: the text with foreign-script runs and
 * `isolated` ranges wrapped in FSI…PDI, and each span as an entity over the same
 * characters (an isolate that lies inside a span is inside its entity). Nothing is
 * escaped: entities are offsets, so a user's `<b>` is just text.
 */
export function renderStyledText(styled: StyledText, locale: Locale): TelegramMessage {
  const { text, spans, isolated } = stripUnsafe(styled);
  const isolates: [number, number][] = [];
  // Runs are found where no forced isolate already stands, so ids are isolated whole.
  let probe = text;
  for (const [start, end] of isolated) {
    if (end <= start) continue;
    isolates.push([start, end]);
    probe = probe.slice(0, start) + ' '.repeat(end - start) + probe.slice(end);
  }
  isolates.push(...foreignRuns(probe, locale));

  const opens = new Array<number>(text.length + 1).fill(0);
  const closes = new Array<number>(text.length + 1).fill(0);
  for (const [start, end] of isolates) {
    opens[start]!++;
    closes[end]!++;
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    out += PDI.repeat(closes[i]!) + FSI.repeat(opens[i]!);
    if (i < text.length) out += text[i]!;
  }

  // Where original index x lands: after the PDIs and FSIs inserted before it.
  const before = (x: number) => {
    let n = 0;
    for (const [start, end] of isolates) n += (start < x ? 1 : 0) + (end < x ? 1 : 0);
    return x + n;
  };
  const entities: MessageEntity[] = [];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    // An isolate starting or ending on the span's edge belongs inside it when it lies within the span.
    const inner = isolates.filter(([s, e]) => s >= span.start && e <= span.end);
    const startsHere = isolates.filter(([s]) => s === span.start).length;
    const innerStartsHere = inner.filter(([s]) => s === span.start).length;
    const endsHere = inner.filter(([, e]) => e === span.end).length;
    const offset =
      before(span.start) + isolates.filter(([, e]) => e === span.start).length + (startsHere - innerStartsHere);
    const end = before(span.end) + endsHere;
    if (end > offset) entities.push({ ...span.style, offset, length: end - offset } as MessageEntity);
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
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
