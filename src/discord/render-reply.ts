import type { APIEmbed } from 'discord.js';
import type { Inline, Locale, Reply, ReplyItem } from '../core/commands/reply.js';
import { foreignRuns, isolateForeignRuns, isolateRanges, startsRightToLeft } from '../core/render/bidi.js';
import { safeUrl } from '../core/render/safe-url.js';
import { packBlocks, splitText } from '../core/render/split-text.js';
import {
  DISCORD_MAX_CONTENT,
  DISCORD_MAX_EMBED_DESCRIPTION,
  DISCORD_MAX_EMBED_TITLE,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_EMBEDS,
} from './discord-limits.js';
import { escapeDiscord } from './escape-discord.js';
import { type PagerRow, renderPager } from './render-pager.js';

/** One Discord message, ready for a reply, an edit, a follow-up or a channel post. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly PagerRow[];
  /** Shown only to the user who asked (notices: bad input, expired pagers, failures). */
  readonly ephemeral: boolean;
}

/** The accent colour of nashra's embeds. */
export const EMBED_COLOR = 0x1f6feb;
/** Footers are one short line ("page 2 of 5 · 43 results"); longer ones are cut. */
export const MAX_FOOTER_CHARS = 512;
/** Room kept in a paged embed for the title, separators and the footer. */
const PAGED_HEADROOM = 64;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units, ending with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Bidi isolation for a line: an Arabic line (Arabic replies, or Arabic article text in
 * an English reply) gets its Latin runs isolated so names like BRICS or T-54 do not
 * reorder the punctuation around them. A whole line is never wrapped in an isolate:
 * that would hide its first strong letter and turn an Arabic paragraph left-to-right.
 */
function isArabicLine(text: string, locale: Locale): boolean {
  return locale === 'ar' || startsRightToLeft(text);
}

function directional(text: string, locale: Locale): string {
  return isArabicLine(text, locale) ? isolateForeignRuns(text, 'ar') : text;
}

/**
 * Escaped text of a line with its marked ranges in bold. The runs are found on the whole
 * line, then each is cut at the marks, so an isolate never straddles a `**`.
 */
function renderInline(line: Inline, locale: Locale): string {
  const { text } = line;
  const marks = line.marks ?? [];
  if (marks.length === 0) return escapeDiscord(directional(text, locale));
  const runs = isArabicLine(text, locale) ? foreignRuns(text, 'ar') : [];
  const segment = (a: number, b: number) => {
    const clipped = runs
      .map(([s, e]) => [Math.max(s, a) - a, Math.min(e, b) - a] as [number, number])
      .filter(([s, e]) => e > s);
    return escapeDiscord(isolateRanges(text.slice(a, b), clipped));
  };
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    if (a < at || b <= a) continue;
    out += `${segment(at, a)}**${segment(a, b)}**`;
    at = b;
  }
  return out + segment(at, text.length);
}

/** One list item as a markdown block: bold heading (linked), small ref, lines, quote. */
export function renderItem(item: ReplyItem, locale: Locale, skipHeading = false): string {
  const parts: string[] = [];
  if (!skipHeading) {
    const heading = escapeDiscord(directional(item.heading, locale));
    const url = safeUrl(item.url);
    parts.push(url ? `**[${heading}](${url})**` : `**${heading}**`);
  }
  if (item.ref) parts.push(`-# ${escapeDiscord(directional(item.ref, locale))}`);
  for (const line of item.lines) parts.push(renderInline(line, locale));
  if (item.quote) {
    const text = escapeDiscord(directional(item.quote.text, locale)).replace(/\n+/g, ' ');
    parts.push(`> «${text}»`, `> — **${escapeDiscord(directional(item.quote.speaker, locale))}**`);
  }
  return parts.join('\n');
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
}

/** Groups embeds into messages under the 10-embed and 6000-character limits. */
function groupEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length > 0 && (current.length >= DISCORD_MAX_EMBEDS || size + s > DISCORD_MAX_EMBED_TOTAL)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function renderAsContent(reply: Reply): DiscordMessage[] {
  const paragraphs = (reply.text ?? []).map((p) => escapeDiscord(directional(p, reply.locale)));
  if (reply.footer) paragraphs.push(`-# ${escapeDiscord(truncate(reply.footer, MAX_FOOTER_CHARS))}`);
  const text = paragraphs.join('\n\n') || ELLIPSIS;
  return splitText(text, DISCORD_MAX_CONTENT).map((content) => ({
    content,
    embeds: [],
    components: [],
    ephemeral: reply.notice === true,
  }));
}

/**
 * Renders a platform-neutral reply as Discord messages. Short notices become plain
 * (ephemeral) text; titled replies and lists become embeds, split between items under
 * the description, per-message and embed-count limits. A paged list always fits one
 * message (long items are shortened), because a pager button edits exactly one message.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const items = reply.items ?? [];
  if (!reply.title && items.length === 0) return renderAsContent(reply);
  const { locale } = reply;
  const title = reply.title
    ? truncate(escapeDiscord(directional(reply.title, locale)), DISCORD_MAX_EMBED_TITLE)
    : undefined;
  const singleUrl = items.length === 1 ? safeUrl(items[0]!.url) : null;
  const intro = (reply.text ?? []).map((p) => escapeDiscord(directional(p, locale)));
  let blocks = items.map((item, i) =>
    renderItem(item, locale, i === 0 && items.length === 1 && item.heading === reply.title),
  );
  if (reply.pager) {
    const used = intro.reduce((n, p) => n + p.length + 2, 0);
    const budget = Math.floor((DISCORD_MAX_EMBED_DESCRIPTION - used - PAGED_HEADROOM) / Math.max(1, blocks.length));
    blocks = blocks.map((b) => truncate(b, budget));
  }
  const descriptions = packBlocks(
    [...intro, ...blocks].filter((b) => b !== ''),
    DISCORD_MAX_EMBED_DESCRIPTION,
  );
  if (descriptions.length === 0) descriptions.push('');
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    color: EMBED_COLOR,
    ...(i === 0 && title ? { title } : {}),
    ...(i === 0 && singleUrl ? { url: singleUrl } : {}),
    ...(description ? { description } : {}),
  }));
  if (reply.footer)
    embeds[embeds.length - 1] = {
      ...embeds[embeds.length - 1],
      footer: { text: truncate(reply.footer, MAX_FOOTER_CHARS) },
    };
  const groups = groupEmbeds(embeds);
  const pager = reply.pager ? renderPager(reply.pager, locale) : null;
  return groups.map((group, i) => ({
    embeds: group,
    components: pager && i === groups.length - 1 ? [pager] : [],
    ephemeral: reply.notice === true,
  }));
}
