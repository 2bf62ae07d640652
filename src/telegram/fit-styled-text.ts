import type { Locale } from '../core/commands/reply.js';
import { splitText } from '../core/render/split-text.js';
import { renderStyledText, type Span, type StyledText } from './render-styled-text.js';

/** Never split text into parts shorter than this while looking for parts that fit. */
const MIN_SPLIT_BUDGET = 64;
/** How much smaller each retry makes the parts when escaping made them too long. */
const SHRINK = 0.8;

/**
 * Renders a styled text as one or more HTML pieces, each at most `limit` long and
 * well-formed on its own. A text too long for one message is cut in the plain text (at
 * a paragraph, a sentence end, a space; never inside a surrogate pair) and each part is
 * rendered with its own share of the markup, so a cut never lands inside a tag or an
 * entity. Escaping lengthens text (`&` → `&amp;`), so parts shrink until they fit.
 */
export function fitStyledText(styled: StyledText, locale: Locale, limit: number): string[] {
  const whole = renderStyledText(styled, locale);
  if (whole.length <= limit) return [whole];
  for (let budget = limit; budget >= MIN_SPLIT_BUDGET; budget = Math.floor(budget * SHRINK)) {
    const rendered = partsOf(styled.text, budget).map((p) => renderStyledText(slice(styled, p.start, p.end), locale));
    if (rendered.every((html) => html.length <= limit)) return rendered;
  }
  throw new RangeError(`cannot fit text into ${limit} characters`);
}

/** The parts `splitText` makes, located in the original text. */
function partsOf(text: string, budget: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const part of splitText(text, budget)) {
    const start = text.indexOf(part, cursor);
    const at = start < 0 ? cursor : start;
    parts.push({ start: at, end: at + part.length });
    cursor = at + part.length;
  }
  return parts;
}

/** The [start, end) part of a styled text, with its ranges clipped and moved. */
function slice(styled: StyledText, start: number, end: number): StyledText {
  const clip = (s: number, e: number): [number, number] | null => {
    const a = Math.max(s, start) - start;
    const b = Math.min(e, end) - start;
    return b > a ? [a, b] : null;
  };
  const spans: Span[] = [];
  for (const span of styled.spans ?? []) {
    const r = clip(span.start, span.end);
    if (r) spans.push({ ...span, start: r[0], end: r[1] });
  }
  const isolated = (styled.isolated ?? []).map(([s, e]) => clip(s, e)).filter((r): r is [number, number] => r !== null);
  return { text: styled.text.slice(start, end), spans, isolated };
}
