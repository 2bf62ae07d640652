import { UPDATE_LEDGER_RETENTION_MS, type UpdateLedger } from '../core/ports/update-ledger.js';
import type { Db } from './open-database.js';

/** Old claims are deleted at most this often (a DELETE per update would be wasted work). */
export const UPDATE_LEDGER_PRUNE_EVERY_MS = 60_000;

/**
 * The update ledger in SQLite (`update_claims`): `INSERT OR IGNORE` on the primary key, so
 * the first claim wins even between processes sharing the file.
 */
export function createSqliteUpdateLedger(db: Db, options: { readonly now?: () => number } = {}): UpdateLedger {
  const now = options.now ?? Date.now;
  const insert = db.prepare('INSERT OR IGNORE INTO update_claims (platform, update_id, claimed_at) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM update_claims WHERE claimed_at < ?');
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    async claim(platform, updateId) {
      const at = now();
      if (at - prunedAt >= UPDATE_LEDGER_PRUNE_EVERY_MS) {
        prunedAt = at;
        prune.run(at - UPDATE_LEDGER_RETENTION_MS);
      }
      return insert.run(platform, updateId, at).changes === 1;
    },
  };
}
