import type { Leases } from '../../core/ports/leases.js';
import type { PgSession } from './create-pg-session.js';

/**
 * Leases in PostgreSQL (`leases`): `INSERT … ON CONFLICT DO UPDATE … WHERE` takes a free or
 * expired lease or renews the holder's own in one statement (the row lock makes concurrent
 * takers wait and re-check), so exactly one instance gets it. Expiry is reckoned on the
 * database server's clock (`clock_timestamp()`), never the instances', which may differ.
 */
export function createPostgresLeases(session: PgSession): Leases {
  return {
    async acquire(name, holder, ttlMs) {
      const result = await session.query(
        `INSERT INTO leases (name, holder, expires_at)
         VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= clock_timestamp()`,
        [name, holder, ttlMs],
      );
      return result.rowCount === 1;
    },
    async release(name, holder) {
      await session.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
    },
  };
}
