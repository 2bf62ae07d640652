import { parseFeed } from 'feedsmith';
import { FetchFailed } from './http-get.js';

/** A feed item reduced to what nashra uses, whatever the feed's format. */
export interface FeedItem {
  readonly guid: string | null;
  /** Absolute http(s) URL of the item's page, or null. */
  readonly link: string | null;
  readonly title: string | null;
  /** ISO-8601 when the feed's date could be read, else the feed's text, else null. */
  readonly date: string | null;
  /** The fullest text the feed gives (content:encoded, Atom content, JSON content_html/text), HTML allowed. */
  readonly content: string | null;
  /** The short text (RSS description, Atom summary). */
  readonly summary: string | null;
}

/** A parsed feed document. */
export interface FeedDocument {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title: string | null;
  readonly items: FeedItem[];
}

type Loose = Record<string, unknown>;

/** Text of a field that is a string, a `{ value }` (Atom text constructs) or absent. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'value' in v) return text((v as Loose).value);
  return null;
}

function isoDate(v: unknown): string | null {
  const t = text(v);
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? t : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function absoluteLink(v: unknown, base: string): string | null {
  const t = text(v);
  if (!t) return null;
  try {
    const url = new URL(t, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function dcDate(item: Loose): unknown {
  const dc = item.dc as Loose | undefined;
  return (dc?.dates as unknown[] | undefined)?.[0] ?? dc?.date;
}

function contentEncoded(item: Loose): unknown {
  return (item.content as Loose | undefined)?.encoded;
}

/**
 * Parses RSS 0.9x/2.0, Atom 1.0, RDF (RSS 1.0) or JSON Feed with feedsmith, and maps
 * every format onto one `FeedItem` shape. Links are made absolute against the feed's URL
 * and kept only when http(s). Throws FetchFailed (a message for the feed's status) on
 * anything that is not a feed.
 */
export function parseFeedDocument(source: string, baseUrl: string, maxItems: number): FeedDocument {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(source);
  } catch (cause) {
    const detail = (cause as Error).message || 'unreadable';
    throw new FetchFailed(`not a readable RSS, Atom or RDF feed (${detail.toLowerCase()})`, { cause });
  }
  const feed = parsed.feed as Loose;
  const raw = ((parsed.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined) ?? [];
  const items = raw.slice(0, maxItems).map((item): FeedItem => {
    switch (parsed.format) {
      case 'atom': {
        const links = (item.links as Loose[] | undefined) ?? [];
        const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        return {
          guid: text(item.id),
          link: absoluteLink(alternate?.href, baseUrl),
          title: text(item.title),
          date: isoDate(item.published ?? item.updated ?? dcDate(item)),
          content: text(item.content),
          summary: text(item.summary),
        };
      }
      case 'json':
        return {
          guid: text(item.id),
          link: absoluteLink(item.url, baseUrl),
          title: text(item.title),
          date: isoDate(item.date_published ?? item.datePublished),
          content: text(item.content_html ?? item.contentHtml ?? item.content_text ?? item.contentText),
          summary: text(item.summary),
        };
      default:
        return {
          guid: text(item.guid),
          link:
            absoluteLink(item.link, baseUrl) ??
            (parsed.format === 'rdf' ? absoluteLink((item.rdf as Loose | undefined)?.about, baseUrl) : null),
          title: text(item.title),
          date: isoDate(item.pubDate ?? dcDate(item)),
          content: text(contentEncoded(item)),
          summary: text(item.description),
        };
    }
  });
  return { format: parsed.format, title: text(feed.title), items };
}
