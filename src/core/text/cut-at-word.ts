/** What a cut text ends with, so a reader sees that words are missing. */
export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units (ellipsis included) at the last space before
 * the limit, so no word is split; a text without a space in reach is cut hard, never
 * inside a surrogate pair. Text that fits is returned as it is. Used for stored quotes
 * (bounded analysis) and for sentences and quotes in replies (bounded replies).
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  let cut = text.lastIndexOf(' ', room);
  if (cut < room / 2) cut = room; // one huge "word": cut it rather than lose most of the room
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).replace(/[\s،,:؛;]+$/u, '')}${ELLIPSIS}`;
}
