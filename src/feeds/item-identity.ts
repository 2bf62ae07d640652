import { createHash } from 'node:crypto';
import type { FeedItem } from './parse-feed-document.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Hex digits of the identity's hash in an article id: 64 bits, no collision in any archive nashra will hold. */
const ID_HEX = 16;

/**
 * An item's identity: its guid, else its link, else a hash of its content. A guid that
 * is not itself a URL is scoped to the feed's site (two sites may both number items
 * from 1; two feeds of one site share their guids). So the same item in two feeds
 * of a site, or under one permalink, is one article.
 */
export function itemIdentity(item: FeedItem, feedUrl: string): string {
  if (item.guid) {
    if (/^https?:\/\//i.test(item.guid)) return `guid:${item.guid}`;
    return `guid:${new URL(feedUrl).host}:${item.guid}`;
  }
  if (item.link) return `link:${item.link}`;
  return `hash:${sha1(`${item.title ?? ''}\n${item.content ?? item.summary ?? ''}`)}`;
}

/** The article id of an identity: stable, printable, and never a corpus file's id by accident. */
export function feedArticleId(identity: string): string {
  return `feed-${sha1(identity).slice(0, ID_HEX)}`;
}

/**
 * Hash of what the feed says about an item: when it changes, the item is fetched and
 * analyzed again. Not the feed's name: the same item in two feeds has one hash.
 */
export function itemHash(item: FeedItem): string {
  return sha1(JSON.stringify([item.title, item.link, item.date, item.content, item.summary]));
}
