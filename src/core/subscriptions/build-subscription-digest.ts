import { t } from '../commands/messages.js';
import { boundReply } from '../commands/bound-reply.js';
import type { Locale, Reply, ReplyItem } from '../commands/reply.js';
import { storyRef } from '../commands/list-pages.js';
import { createTopicFilter } from './topic-filter.js';
import type { ArticleIndex } from '../ports/article-index.js';
import { DEFAULT_DIGEST_LIMIT, type DigestItem, digestItems } from '../services/build-digest.js';
import { formatZoned } from '../schedule/time-zone.js';
import type { Subscription, SubscriptionStore } from '../ports/subscription-store.js';

/** Stories in one digest post; the rest are counted ("and N more") and count as received. */
export const DIGEST_MAX_ITEMS = DEFAULT_DIGEST_LIMIT;
/** How many of the newest articles a subscription's first digest carries, besides what is new. */
export const WELCOME_ARTICLES = 5;

/** A digest for one subscription, and the article ids it covers. */
export interface SubscriptionDigest {
  /** null: nothing new and the subscription chose to stay quiet. */
  readonly reply: Reply | null;
  /** Articles shown as items. */
  readonly shown: readonly string[];
  /** Articles only counted in "and N more". */
  readonly more: readonly string[];
}

/** Digest entries as reply items: title, id, date and source count, two summary sentences, the top quote. */
export function digestReplyItems(locale: Locale, items: readonly DigestItem[]): ReplyItem[] {
  return items.map((d) => ({
    heading: d.title,
    ref: storyRef(locale, d.id, d.date, d.also.length),
    lines: d.summary.map((text) => ({ text })),
    ...(d.quote ? { quote: d.quote } : {}),
    ...(d.url ? { url: d.url } : {}),
  }));
}

/**
 * The digest a subscription gets at `slot`: the stories it has not received (each once,
 * with its source count; a story it received in any copy is not sent again), newest
 * first (by article date, then by when indexed), at most `DIGEST_MAX_ITEMS`, each with its
 * title, a two-sentence summary and its most notable quote. Only articles indexed after it
 * subscribed are new to it, except that its first digest also carries the newest
 * `WELCOME_ARTICLES` of the archive, so a new subscriber sees a digest at once rather than
 * silence (or thousands of articles). Marks nothing: the caller records `shown` and `more`
 * once the post went out.
 */
export async function buildSubscriptionDigest(
  deps: { readonly index: ArticleIndex; readonly store: SubscriptionStore },
  sub: Subscription,
  slot: Date,
  options: { readonly maxItems?: number } = {},
): Promise<SubscriptionDigest> {
  const { locale } = sub;
  // A topic subscription gets only the stories matching one of its topics.
  const wanted = await createTopicFilter(deps.index, sub.topics);
  const pending = await deps.store.pending(sub, {
    limit: options.maxItems ?? DIGEST_MAX_ITEMS,
    welcome: WELCOME_ARTICLES,
    ...(wanted ? { wanted } : {}),
  });
  const title = t(locale, 'digestTitleOn')(formatZoned(slot, sub.timezone, locale));
  if (pending.articles.length === 0) {
    if (sub.whenEmpty === 'skip') return { reply: null, shown: [], more: pending.moreIds };
    return { reply: { locale, title, text: [t(locale, 'digestNone')] }, shown: [], more: pending.moreIds };
  }
  const items = await digestItems(deps.index, pending.articles);
  const more = pending.moreStories;
  return {
    // Every sentence and quote cut to REPLY_LIMITS; no item dropped: each is recorded as received.
    reply: boundReply(
      {
        locale,
        title,
        items: digestReplyItems(locale, items),
        ...(more > 0 ? { footer: t(locale, 'digestMore')(more) } : {}),
      },
      { dropItems: false },
    ),
    shown: pending.articles.map((a) => a.id),
    more: pending.moreIds,
  };
}
