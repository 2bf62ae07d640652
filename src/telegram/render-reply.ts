import type { Locale, Reply, ReplyItem, ReplyQuote } from '../core/commands/reply.js';
import { packBlocks } from '../core/render/split-text.js';
import { escapeHtml } from './escape-html.js';
import { fitStyledText } from './fit-styled-text.js';
import type { Span, StyledText } from './render-styled-text.js';
import { TELEGRAM_MAX_MESSAGE } from './telegram-limits.js';

/** Between the items of a reply (and around its header and footer): a blank line. */
const BLOCK_SEPARATOR = '\n\n';
/** Between the lines of one item. */
const LINE_SEPARATOR = '\n';
/** Between a heading and its reference (id · date). */
const REF_SEPARATOR = ' · ';
/** What a reply with nothing in it shows, so Telegram never gets an empty message. */
const EMPTY_REPLY = '…';

const QUOTE_MARKS: Readonly<Record<Locale, readonly [string, string]>> = { ar: ['«', '»'], en: ['“', '”'] };

const bold = (start: number, end: number): Span => ({ start, end, open: '<b>', close: '</b>' });
const italic = (start: number, end: number): Span => ({ start, end, open: '<i>', close: '</i>' });

/**
 * Renders a platform-neutral reply as Telegram HTML messages, each under `limit`.
 * Each item is rendered on its own and items are packed whole into messages; an item
 * too long for one message is cut between its lines, and a line too long is cut at a
 * sentence end (fitStyledText). So every message is valid HTML by itself and a search
 * result is never torn from its snippet.
 */
export function renderReply(reply: Reply, limit: number = TELEGRAM_MAX_MESSAGE): string[] {
  const { locale } = reply;
  const fit = (styled: StyledText) => fitStyledText(styled, locale, limit);
  const blocks: string[] = [];

  const head: string[] = [];
  if (reply.title) head.push(...fit({ text: reply.title, spans: [bold(0, reply.title.length)] }));
  for (const paragraph of reply.text ?? []) head.push(...fit({ text: paragraph }));
  blocks.push(...packBlocks(head, limit, LINE_SEPARATOR));

  for (const item of reply.items ?? []) blocks.push(...packBlocks(itemPieces(item, locale, fit), limit, LINE_SEPARATOR));

  if (reply.footer) blocks.push(...fit({ text: reply.footer, spans: [italic(0, reply.footer.length)] }));

  const messages = packBlocks(blocks, limit, BLOCK_SEPARATOR);
  return messages.length > 0 ? messages : [EMPTY_REPLY];
}

/** The lines of one item, each already within the limit. */
function itemPieces(item: ReplyItem, locale: Locale, fit: (s: StyledText) => string[]): string[] {
  const pieces = [...fit(headingLine(item))];
  for (const line of item.lines) {
    if (line.text.trim() === '') continue;
    pieces.push(...fit({ text: line.text, spans: highlights(line.marks ?? [], line.text.length) }));
  }
  if (item.quote) pieces.push(...fit(quoteBlock(item.quote, locale)));
  return pieces;
}

/** `<b>heading</b> · <i>ref</i>`, the heading linked when the article has a web address. */
function headingLine(item: ReplyItem): StyledText {
  const link = safeUrl(item.url);
  const open = link ? `<b><a href="${escapeHtml(link)}">` : '<b>';
  const close = link ? '</a></b>' : '</b>';
  const spans: Span[] = [{ start: 0, end: item.heading.length, open, close }];
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
  return { text, spans: [{ start: 0, end: text.length, open: '<blockquote>', close: '</blockquote>' }, bold(words.length + 3, text.length)] };
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

/** Only http(s) links reach an `href`; anything else is dropped rather than trusted. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
