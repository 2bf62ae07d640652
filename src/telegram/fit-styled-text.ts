import type { Locale } from '../core/commands/reply.js';
import { FSI, PDI } from '../core/render/bidi.js';
import { splitText } from '../core/render/split-text.js';
import { renderStyledText, type StyledText } from './render-styled-text.js';
import { sliceMessage, type TelegramMessage } from './telegram-message.js';

/**
 * Renders a styled text as one or more messages, each at most `limit` UTF-16 units. The
 * text is rendered once (isolates and entities in place); a text too long for one message
 * is cut in the rendered text, at a paragraph, a sentence end or a space (never inside a
 * surrogate pair, never inside an isolated run), and each part keeps its share of the
 * entities. Entities add no characters, so the length measured is the length sent: no
 * escaping, no retries with smaller parts.
 */
export function fitStyledText(styled: StyledText, locale: Locale, limit: number): TelegramMessage[] {
  const whole = renderStyledText(styled, locale);
  if (whole.text.length <= limit) return [whole];
  const probe = maskIsolates(whole.text);
  const parts: TelegramMessage[] = [];
  let cursor = 0;
  for (const part of splitText(probe, limit)) {
    const found = probe.indexOf(part, cursor);
    const start = found < 0 ? cursor : found;
    parts.push(sliceMessage(whole, start, start + part.length));
    cursor = start + part.length;
  }
  return parts;
}

/**
 * The text with every space inside an FSI…PDI run replaced by a letter (same length), so
 * `splitText` finds no cut there: an isolate is never torn between two messages unless a
 * single run is longer than a whole message.
 */
function maskIsolates(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === FSI) depth++;
    else if (ch === PDI) depth = Math.max(0, depth - 1);
    out += depth > 0 && /\s/.test(ch) ? 'x' : ch;
  }
  return out;
}
