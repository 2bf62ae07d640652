import type { Leases } from '../core/ports/leases.js';
import type { Db } from './open-database.js';

/**
 * Leases in SQLite (`leases`): one upsert that takes a free or expired lease, or renews
 * the holder's own, and changes nothing while another holder's lease runs. SQLite
 * serializes writers, so two processes on one file never both get it. Time is this
 * machine's clock: every process sharing the file runs on it.
 */
export function createSqliteLeases(db: Db, options: { readonly now?: () => number } = {}): Leases {
  const now = options.now ?? Date.now;
  const take = db.prepare(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
  );
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  return {
    async acquire(name, holder, ttlMs) {
      const at = now();
      return take.run({ name, holder, expires: at + ttlMs, now: at }).changes === 1;
    },
    async release(name, holder) {
      release.run(name, holder);
    },
  };
}
