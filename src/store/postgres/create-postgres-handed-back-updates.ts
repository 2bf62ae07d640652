import type { HandedBackUpdates } from '../../core/ports/handed-back-updates.js';
import type { PgSession } from './create-pg-session.js';

/** Handed-back chat updates in PostgreSQL, beside subscriptions: any instance may answer them after a restart. */
export function createPostgresHandedBackUpdates(session: PgSession): HandedBackUpdates {
  return {
    async save(platform, updates) {
      if (updates.length === 0) return;
      await session.query(
        `INSERT INTO handed_back_updates (platform, update_id, payload) SELECT $1, id, payload FROM unnest($2::bigint[], $3::text[]) AS t(id, payload)
         ON CONFLICT (platform, update_id) DO UPDATE SET payload = excluded.payload`,
        [platform, updates.map((u) => u.id), updates.map((u) => u.payload)],
      );
    },
    load: async (platform) =>
      (
        await session.rows<{ update_id: number; payload: string }>(
          'SELECT update_id, payload FROM handed_back_updates WHERE platform = $1 ORDER BY update_id',
          [platform],
        )
      ).map((r) => ({ id: r.update_id, payload: r.payload })),
    async remove(platform, id) {
      await session.query('DELETE FROM handed_back_updates WHERE platform = $1 AND update_id = $2', [platform, id]);
    },
  };
}
