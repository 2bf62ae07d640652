/** One feed of the feeds file. */
export interface FeedEntry {
  readonly url: string;
  /** The name given after the URL; null when none (the feed's own title is used). */
  readonly name: string | null;
}

/** A line of the feeds file that could not be used, and why. */
export interface FeedListProblem {
  readonly line: number;
  readonly reason: string;
}

/** The feeds file, read: the feeds that work and the lines that do not. */
export interface FeedList {
  readonly feeds: FeedEntry[];
  readonly problems: FeedListProblem[];
}

const MAX_URL_LENGTH = 2048;
const MAX_NAME_LENGTH = 100;

/**
 * Parses a feeds file: one `URL [name]` a line, `#` comments and blank lines ignored.
 * Only http(s) URLs with a host are taken (a feed must never make nashra read a local
 * file); a bad line is reported with its number and the rest still work. A URL listed
 * twice is polled once, under its first name.
 */
export function parseFeedList(text: string, maxFeeds = 1000): FeedList {
  const feeds: FeedEntry[] = [];
  const problems: FeedListProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const number = i + 1;
    const [first, ...rest] = line.split(/\s+/);
    const reason = checkUrl(first!);
    if (typeof reason === 'string') {
      problems.push({ line: number, reason });
      return;
    }
    const url = reason.href;
    if (seen.has(url)) {
      problems.push({ line: number, reason: `${url} is listed twice; polled once` });
      return;
    }
    if (feeds.length >= maxFeeds) {
      problems.push({ line: number, reason: `more than ${maxFeeds} feeds; this one is ignored` });
      return;
    }
    seen.add(url);
    const name = rest.join(' ').slice(0, MAX_NAME_LENGTH) || null;
    feeds.push({ url, name });
  });
  return { feeds, problems };
}

function checkUrl(text: string): URL | string {
  if (text.length > MAX_URL_LENGTH) return `the URL is longer than ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 80)}" is not a URL (expected: https://example.com/feed.xml [name])`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `only http and https feeds are read, not ${url.protocol.replace(/:$/, '')}`;
  if (url.hostname === '') return `"${text.slice(0, 80)}" has no host`;
  if (url.username || url.password) return 'a feed URL must not carry a user name or password';
  url.hash = '';
  return url;
}
