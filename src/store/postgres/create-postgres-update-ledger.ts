import { UPDATE_LEDGER_RETENTION_MS, type UpdateLedger } from '../../core/ports/update-ledger.js';
import { UPDATE_LEDGER_PRUNE_EVERY_MS } from '../create-sqlite-update-ledger.js';
import type { PgSession } from './create-pg-session.js';

/**
 * The update ledger in PostgreSQL (`update_claims`): `INSERT … ON CONFLICT DO NOTHING` on
 * the primary key, so exactly one of several instances given the same update wins its claim.
 */
export function createPostgresUpdateLedger(
  session: PgSession,
  options: { readonly now?: () => number } = {},
): UpdateLedger {
  const now = options.now ?? Date.now;
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    async claim(platform, updateId) {
      const at = now();
      if (at - prunedAt >= UPDATE_LEDGER_PRUNE_EVERY_MS) {
        prunedAt = at;
        await session.query('DELETE FROM update_claims WHERE claimed_at < $1', [at - UPDATE_LEDGER_RETENTION_MS]);
      }
      const result = await session.query(
        'INSERT INTO update_claims (platform, update_id, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [platform, updateId, at],
      );
      return result.rowCount === 1;
    },
  };
}
