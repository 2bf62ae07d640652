import type { Locale } from '../commands/reply.js';

/** What a pager button needs to show another page of the same list. */
export interface PageState {
  readonly command: 'search' | 'people' | 'quotes' | 'latest';
  readonly arg: string;
  readonly locale: Locale;
  /** Who asked: only they may turn the pages (Discord shows buttons to everyone). */
  readonly ownerId: string;
}

/**
 * Keeps list states behind short tokens, because button payloads are small (Telegram
 * callback data: 64 bytes) and queries are not. A token that expired or was evicted
 * loads as null and the user is told to search again.
 */
export interface PageStore {
  save(state: PageState): Promise<string>;
  load(token: string): Promise<PageState | null>;
}
