import { randomBytes } from 'node:crypto';
import type { PageState, PageStore } from '../../core/ports/page-store.js';
import { PAGE_STORE_CAPACITY, PAGE_TTL_MS } from '../create-memory-page-store.js';
import type { PgSession } from './create-pg-session.js';

/** Saves between two sweeps of expired and surplus pages: a sweep is one indexed delete. */
export const PAGE_SWEEP_EVERY = 100;

/** A random 10-character base-36 token, as the memory store's (fits Telegram's 64-byte callback data). */
function newToken(): string {
  let token = '';
  for (const byte of randomBytes(10)) token += (byte % 36).toString(36);
  return token;
}

/**
 * List states behind pager buttons, in PostgreSQL, so a button pressed on a message one
 * instance sent works on any other. Same contract as the memory store: a page expires
 * `ttlMs` after it was last used, and the least recently used beyond `capacity` go first
 * (swept every `PAGE_SWEEP_EVERY` saves, so the table stays small without a timer).
 */
export function createPostgresPageStore(
  session: PgSession,
  capacity = PAGE_STORE_CAPACITY,
  ttlMs = PAGE_TTL_MS,
): PageStore {
  let saves = 0;
  const sweep = () =>
    session.query(
      `DELETE FROM pages WHERE used_at < now() - make_interval(secs => $1)
         OR token IN (SELECT token FROM pages ORDER BY used_at DESC OFFSET $2)`,
      [ttlMs / 1000, capacity],
    );
  return {
    async save(state: PageState) {
      for (;;) {
        const token = newToken();
        const r = await session.query(
          'INSERT INTO pages (token, state) VALUES ($1, $2::jsonb) ON CONFLICT (token) DO NOTHING',
          [token, JSON.stringify(state)],
        );
        if (r.rowCount === 1) {
          if (++saves % PAGE_SWEEP_EVERY === 0) await sweep();
          return token;
        }
      }
    },
    async load(token) {
      const row = await session.one<{ state: PageState }>(
        `UPDATE pages SET used_at = now() WHERE token = $1 AND used_at >= now() - make_interval(secs => $2) RETURNING state`,
        [token, ttlMs / 1000],
      );
      return row?.state ?? null;
    },
  };
}
