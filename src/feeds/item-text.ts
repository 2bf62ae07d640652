import type { FullTextOutcome } from '../core/ports/feed-store.js';
import { decodeText } from './decode-text.js';
import { extractArticleText } from './extract-article-text.js';
import { countWords, htmlToParagraphs } from './html-to-paragraphs.js';
import { FetchFailed, type HttpGetLimits, httpGet } from './http-get.js';
import type { FeedItem } from './parse-feed-document.js';

/** An item's text and where it came from. */
export interface ItemText {
  readonly paragraphs: string[];
  readonly fullText: FullTextOutcome;
  /** Why the page could not give the text (the item keeps the feed's text). */
  readonly error: string | null;
  readonly pageTitle: string | null;
  readonly pageDate: string | null;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * The text of a feed item: the feed's own content when it is a whole article, else (a
 * teaser: fewer than `teaserWords` words) the main text of its linked page, extracted
 * with Readability. A page that is not HTML, too large, slow or unreadable is recorded
 * as the reason, and the item keeps the feed's text.
 */
export async function itemText(
  item: FeedItem,
  options: { teaserWords: number; page: HttpGetLimits; signal?: AbortSignal },
): Promise<ItemText> {
  const own = htmlToParagraphs(item.content ?? item.summary ?? '');
  const base = { paragraphs: own, pageTitle: null, pageDate: null };
  if (countWords(own) >= options.teaserWords || !item.link) return { ...base, fullText: 'feed', error: null };
  const failed = (error: string): ItemText => ({ ...base, fullText: 'failed', error });
  try {
    const res = await httpGet(
      item.link,
      { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      options.page,
      options.signal,
    );
    if (res.status < 200 || res.status >= 300) return failed(`page: HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (!HTML_TYPES.test(type)) return failed(`page: not an HTML page (${type.split(';')[0] || 'no content type'})`);
    const extracted = extractArticleText(decodeText(res.body, type).text, res.url);
    if (!extracted) return failed('page: no article text found');
    if (countWords(extracted.paragraphs) <= countWords(own)) return failed('page: no more text than the feed gives');
    return {
      paragraphs: extracted.paragraphs,
      fullText: 'page',
      error: null,
      pageTitle: extracted.title,
      pageDate: extracted.publishedTime,
    };
  } catch (err) {
    if (err instanceof FetchFailed) return failed(`page: ${err.message}`);
    throw err;
  }
}
