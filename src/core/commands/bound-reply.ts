import { cutAtWord } from '../text/cut-at-word.js';
import { t } from './messages.js';
import type { Inline, Reply, ReplyItem } from './reply.js';

/**
 * How much one chat reply may carry, whatever the archive holds. A hostile article (one
 * 280,000-character "sentence", a quote running to its end) used to become 50–110 chat
 * messages; with these caps every reply fits in a few messages on every platform (Telegram
 * 4,096 characters a message, Discord 2,000), and longer lists go behind the pager.
 */
export const REPLY_LIMITS = {
  /** A sentence, snippet or paragraph of a reply, cut at a word with «…». */
  sentenceChars: 600,
  /** A quotation in a reply, cut at a word with «…». */
  quoteChars: 400,
  /** An item's heading (an article title). */
  headingChars: 200,
  /**
   * All the text of one unpaged reply (digest, help), items past it counted in its footer:
   * three Telegram messages at most (4,096 each, items kept whole), two or three on Discord.
   */
  totalChars: 10_000,
} as const satisfies Record<string, number>;

function line(inline: Inline): Inline {
  if (inline.text.length <= REPLY_LIMITS.sentenceChars) return inline;
  const text = cutAtWord(inline.text, REPLY_LIMITS.sentenceChars);
  const keep = text.length - 1; // marks stop before the ellipsis
  const marks = inline.marks?.filter(([s]) => s < keep).map(([s, e]) => [s, Math.min(e, keep)] as const);
  return marks ? { text, marks } : { text };
}

function item(it: ReplyItem): ReplyItem {
  return {
    ...it,
    heading: cutAtWord(it.heading, REPLY_LIMITS.headingChars),
    lines: it.lines.map(line),
    ...(it.quote
      ? {
          quote: {
            speaker: cutAtWord(it.quote.speaker, REPLY_LIMITS.headingChars),
            text: cutAtWord(it.quote.text, REPLY_LIMITS.quoteChars),
          },
        }
      : {}),
  };
}

const size = (it: ReplyItem) =>
  it.heading.length +
  (it.ref?.length ?? 0) +
  it.lines.reduce((n, l) => n + l.text.length, 0) +
  (it.quote ? it.quote.speaker.length + it.quote.text.length : 0);

/**
 * The reply with every sentence, quote and heading cut to `REPLY_LIMITS`, and at most
 * `REPLY_LIMITS.totalChars` of text in an unpaged reply: items that do not fit are dropped
 * with a footer saying how many (a paged list is bounded by its page size). Applied
 * by the command handler to every reply, so each platform adapter receives bounded replies;
 * scheduled digests pass `dropItems: false` (their items are recorded as received).
 */
export function boundReply(reply: Reply, options: { readonly dropItems?: boolean } = {}): Reply {
  const text = reply.text?.map((p) => cutAtWord(p, REPLY_LIMITS.sentenceChars));
  let budget = REPLY_LIMITS.totalChars - (reply.title?.length ?? 0) - (text ?? []).reduce((n, p) => n + p.length, 0);
  const items: ReplyItem[] = [];
  for (const it of (reply.items ?? []).map(item)) {
    budget -= size(it);
    // A paged list is already bounded by its page size and these per-item caps: never skip its items.
    if (budget < 0 && items.length > 0 && !reply.pager && options.dropItems !== false) break;
    items.push(it);
  }
  const dropped = (reply.items?.length ?? 0) - items.length;
  const footer =
    dropped > 0 ? [t(reply.locale, 'moreNotShown')(dropped), reply.footer].filter(Boolean).join(' · ') : reply.footer;
  return {
    ...reply,
    ...(reply.title !== undefined ? { title: cutAtWord(reply.title, REPLY_LIMITS.headingChars) } : {}),
    ...(text ? { text } : {}),
    ...(reply.items ? { items } : {}),
    ...(footer !== undefined ? { footer } : {}),
  };
}
