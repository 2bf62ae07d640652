import { randomBytes } from 'node:crypto';
import type { PageState, PageStore } from '../core/ports/page-store.js';
import { PAGE_TTL_MS } from './create-memory-page-store.js';
import type { Db } from './open-database.js';

/** Expired pages are deleted at most this often, on a save. */
export const PAGE_PRUNE_EVERY_MS = 60_000;
/** Characters of a token: 10 base-36 characters, as the in-memory store's (they fit any button). */
const TOKEN_LENGTH = 10;

function newToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * List pages behind buttons in SQLite (`list_pages`), so a button pressed on a message one
 * process sent is answered by another sharing the file, and pagers survive a restart.
 * A page works for PAGE_TTL_MS after it was shown, as in memory; expired rows are pruned.
 */
export function createSqlitePageStore(db: Db, options: { readonly now?: () => number } = {}): PageStore {
  const now = options.now ?? Date.now;
  const insert = db.prepare('INSERT OR IGNORE INTO list_pages (token, state, saved_at) VALUES (?, ?, ?)');
  const select = db.prepare<[string], { state: string; saved_at: number }>(
    'SELECT state, saved_at FROM list_pages WHERE token = ?',
  );
  const prune = db.prepare('DELETE FROM list_pages WHERE saved_at < ?');
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    async save(state: PageState) {
      const at = now();
      if (at - prunedAt >= PAGE_PRUNE_EVERY_MS) {
        prunedAt = at;
        prune.run(at - PAGE_TTL_MS);
      }
      const json = JSON.stringify(state);
      for (;;) {
        const token = newToken();
        if (insert.run(token, json, at).changes === 1) return token;
      }
    },
    async load(token) {
      const row = select.get(token);
      if (!row || now() - row.saved_at > PAGE_TTL_MS) return null;
      return JSON.parse(row.state) as PageState;
    },
  };
}
