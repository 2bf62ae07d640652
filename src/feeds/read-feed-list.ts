import { readFileSync, statSync } from 'node:fs';
import { NashraError } from '../core/errors/nashra-error.js';
import { FEED_LIMITS } from '../core/feeds/feed-limits.js';
import { type FeedList, parseFeedList } from '../core/feeds/feed-list.js';

/** A feeds file larger than this is refused: it is a list of URLs, not data. */
export const MAX_FEEDS_FILE_BYTES = 1024 * 1024;

/**
 * Reads the feeds file. A missing default file means "no feeds" (a fresh checkout
 * follows none); a file the user named (`--feeds`, NASHRA_FEEDS) must exist. Bad lines
 * are in `problems`, with their numbers; the other lines still work.
 */
export function readFeedList(file: string, options: { required: boolean }): FeedList {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new NashraError('CONFIG', `feeds file ${file} is not a file`);
    size = st.size;
  } catch (cause) {
    if (cause instanceof NashraError) throw cause;
    if (!options.required && (cause as NodeJS.ErrnoException).code === 'ENOENT') return { feeds: [], problems: [] };
    throw new NashraError(
      'CONFIG',
      `cannot read feeds file ${file} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      { cause },
    );
  }
  if (size > MAX_FEEDS_FILE_BYTES)
    throw new NashraError('CONFIG', `feeds file ${file} is larger than ${MAX_FEEDS_FILE_BYTES} bytes`);
  return parseFeedList(readFileSync(file, 'utf8'), FEED_LIMITS.maxFeeds);
}
