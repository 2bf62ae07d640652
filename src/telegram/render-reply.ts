import type { Locale, Reply, ReplyItem, ReplyQuote } from '../core/commands/reply.js';
import { safeUrl } from '../core/render/safe-url.js';
import { fitStyledText } from './fit-styled-text.js';
import type { Span, StyledText } from './render-styled-text.js';
import { TELEGRAM_MAX_MESSAGE } from './telegram-limits.js';
import { packMessages, type TelegramMessage } from './telegram-message.js';

/** Between the items of a reply (and around its header and footer): a blank line. */
const BLOCK_SEPARATOR = '\n\n';
/** Between the lines of one item. */
const LINE_SEPARATOR = '\n';
/** Between a heading and its reference (id · date). */
const REF_SEPARATOR = ' · ';
/** What a reply with nothing in it shows, so Telegram never gets an empty message. */
const EMPTY_REPLY: TelegramMessage = { text: '…', entities: [] };

const QUOTE_MARKS: Readonly<Record<Locale, readonly [string, string]>> = { ar: ['«', '»'], en: ['“', '”'] };

const bold = (start: number, end: number): Span => ({ start, end, style: { type: 'bold' } });
const italic = (start: number, end: number): Span => ({ start, end, style: { type: 'italic' } });

/**
 * Renders a platform-neutral reply as Telegram messages (text + entities), each at most
 * `limit` UTF-16 units. Each item is rendered on its own and items are packed whole into
 * messages; an item too long for one message is cut between its lines, and a line too
 * long is cut at a sentence end (fitStyledText). So a search result is never torn from
 * its snippet, and every message's entities lie within its own text.
 */
export function renderReply(reply: Reply, limit: number = TELEGRAM_MAX_MESSAGE): TelegramMessage[] {
  const { locale } = reply;
  const fitted = (styled: StyledText) => fitStyledText(styled, locale, limit);
  const blocks: TelegramMessage[] = [];

  const head: TelegramMessage[] = [];
  if (reply.title) head.push(...fitted({ text: reply.title, spans: [bold(0, reply.title.length)] }));
  for (const paragraph of reply.text ?? []) head.push(...fitted({ text: paragraph }));
  blocks.push(...packMessages(head, limit, LINE_SEPARATOR));

  for (const item of reply.items ?? [])
    blocks.push(...packMessages(itemPieces(item, locale, fitted), limit, LINE_SEPARATOR));

  if (reply.footer) blocks.push(...fitted({ text: reply.footer, spans: [italic(0, reply.footer.length)] }));

  const messages = packMessages(blocks, limit, BLOCK_SEPARATOR);
  return messages.length > 0 ? messages : [EMPTY_REPLY];
}

/** The lines of one item, each already within the limit. */
function itemPieces(item: ReplyItem, locale: Locale, fitted: (s: StyledText) => TelegramMessage[]): TelegramMessage[] {
  const pieces = [...fitted(headingLine(item))];
  for (const line of item.lines) {
    if (line.text.trim() === '') continue;
    pieces.push(...fitted({ text: line.text, spans: highlights(line.marks ?? [], line.text.length) }));
  }
  if (item.quote) pieces.push(...fitted(quoteBlock(item.quote, locale)));
  return pieces;
}

/** The heading in bold · the ref in italics, the heading linked when the article has a web address. */
function headingLine(item: ReplyItem): StyledText {
  const link = safeUrl(item.url);
  const spans: Span[] = [bold(0, item.heading.length)];
  if (link) spans.push({ start: 0, end: item.heading.length, style: { type: 'text_link', url: link } });
  if (!item.ref) return { text: item.heading, spans };
  const start = item.heading.length + REF_SEPARATOR.length;
  const text = item.heading + REF_SEPARATOR + item.ref;
  return { text, spans: [...spans, italic(start, text.length)], isolated: [[start, text.length]] };
}

/** A quote in a blockquote: the words in the locale's quotation marks, then `— speaker`. */
function quoteBlock(quote: ReplyQuote, locale: Locale): StyledText {
  const [open, close] = QUOTE_MARKS[locale];
  const words = `${open}${quote.text}${close}`;
  const text = `${words}\n— ${quote.speaker}`;
  return {
    text,
    spans: [{ start: 0, end: text.length, style: { type: 'blockquote' } }, bold(words.length + 3, text.length)],
  };
}

/** Search highlights as bold spans: clipped, sorted, merged, so tags never cross. */
function highlights(marks: readonly (readonly [number, number])[], length: number): Span[] {
  const sorted = marks
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => bold(s, e));
}
