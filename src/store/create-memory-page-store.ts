import type { PageState, PageStore } from '../core/ports/page-store.js';

/** How long a pager keeps working after the list was shown. */
export const PAGE_TTL_MS = 60 * 60 * 1000;
/** Lists remembered at once; the oldest is forgotten first. */
export const PAGE_STORE_CAPACITY = 5_000;

/** An in-memory LRU page store with expiry. Tokens are 10 base-36 characters. */
export function createMemoryPageStore(
  now: () => number = Date.now,
  capacity = PAGE_STORE_CAPACITY,
  ttlMs = PAGE_TTL_MS,
): PageStore {
  const entries = new Map<string, { state: PageState; at: number }>();
  return {
    async save(state) {
      let token: string;
      do token = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
      while (entries.has(token));
      entries.set(token, { state, at: now() });
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return token;
    },
    async load(token) {
      const entry = entries.get(token);
      if (!entry) return null;
      if (now() - entry.at > ttlMs) {
        entries.delete(token);
        return null;
      }
      entries.delete(token);
      entries.set(token, entry); // most recently used last
      return entry.state;
    },
  };
}
