/**
 * Escapes text for Discord markdown and neutralizes mentions. Article text, titles and
 * whatever a user typed all reach a message: `**`, `[x](url)`, `<@id>`, `@everyone`
 * must read as the characters they are, never format, link or ping. (Pings are also
 * disabled with `allowed_mentions: { parse: [] }`; this keeps them from even rendering.)
 */

/** Characters that start or end Discord markdown anywhere in a line. */
const INLINE_MARKDOWN = /[\\*_~`|[\]()<>]/g;
/** Markdown that only counts at the start of a line: quotes, headings, lists, subtext. */
const LINE_START_MARKDOWN = /^([ \t]*)([>#]|[-+*](?=\s)|\d+\.(?=\s))/gm;
/** Mass mentions, broken with a zero-width space so they neither ping nor highlight. */
const MASS_MENTION = /@(everyone|here)/gi;
const ZERO_WIDTH_SPACE = '\u200B';

/** Escapes `text` so Discord shows it literally. Idempotent only on text without backslashes. */
export function escapeDiscord(text: string): string {
  return text
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(LINE_START_MARKDOWN, (_m, indent: string, mark: string) => `${indent}\\${mark}`)
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}
