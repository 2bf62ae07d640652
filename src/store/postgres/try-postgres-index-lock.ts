import { createPgClient, unreachable } from './create-pg-pool.js';

/**
 * The advisory lock key of "this database is being indexed" (or its feeds fetched): one
 * 64-bit constant ("nashra" + 1), the same in every nashra process on the database.
 */
export const INDEX_LOCK_KEY = 0x6e617368_7261_0001n.toString();

/** Held by the one process that writes the index; released on `release()` or when its connection ends. */
export interface PostgresIndexLock {
  release(): Promise<void>;
}

/**
 * Takes the index lock without waiting: `pg_try_advisory_lock` on a connection of its
 * own, held for as long as the indexing runs. PostgreSQL drops a session's advisory locks
 * when its connection ends, so an instance killed mid-run (even by `kill -9`) never leaves
 * a stale lock: the next instance takes it and converges. Returns null when another
 * process holds it.
 */
export async function tryPostgresIndexLock(url: string): Promise<PostgresIndexLock | null> {
  const client = createPgClient(url);
  client.on('error', () => {}); // a dropped lock connection is seen by the next query, not as a crash
  try {
    await client.connect();
  } catch (err) {
    throw unreachable(url, err);
  }
  const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [INDEX_LOCK_KEY]);
  if (!r.rows[0]?.ok) {
    await client.end();
    return null;
  }
  let held = true;
  return {
    async release() {
      if (!held) return;
      held = false;
      try {
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [INDEX_LOCK_KEY]);
      } finally {
        await client.end().catch(() => {});
      }
    },
  };
}
