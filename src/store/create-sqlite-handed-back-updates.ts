import type { HandedBackUpdates } from '../core/ports/handed-back-updates.js';
import type { Db } from './open-database.js';

/** Handed-back chat updates in SQLite, next to subscriptions (kept by `index --rebuild`). */
export function createSqliteHandedBackUpdates(db: Db): HandedBackUpdates {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO handed_back_updates (platform, update_id, payload) VALUES (?, ?, ?)',
  );
  const select = db.prepare<[string], { update_id: number; payload: string }>(
    'SELECT update_id, payload FROM handed_back_updates WHERE platform = ? ORDER BY update_id',
  );
  const del = db.prepare('DELETE FROM handed_back_updates WHERE platform = ? AND update_id = ?');
  return {
    save: async (platform, updates) =>
      db.transaction(() => updates.forEach((u) => insert.run(platform, u.id, u.payload)))(),
    load: async (platform) => select.all(platform).map((r) => ({ id: r.update_id, payload: r.payload })),
    remove: async (platform, id) => void del.run(platform, id),
  };
}
