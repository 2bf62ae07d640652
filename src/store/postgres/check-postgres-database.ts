import type pg from 'pg';
import { NashraError } from '../../core/errors/nashra-error.js';
import { postgresSchemaVersion } from './migrate-postgres.js';
import { POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';

/** Tables every nashra PostgreSQL database holds: a missing one means someone dropped it by hand. */
const REQUIRED_TABLES = ['articles', 'search_docs', 'quotes', 'people', 'subscriptions', 'deliveries'] as const;

/**
 * The start-up check on PostgreSQL, the counterpart of SQLite's `quick_check`: the server
 * answers, the schema is the one this nashra expects, and its core tables are there.
 * (Page-level damage is the server's business: checksums, replicas, backups.)
 */
export async function checkPostgresDatabase(pool: pg.Pool, label: string): Promise<void> {
  const version = await postgresSchemaVersion(pool);
  if (version !== POSTGRES_SCHEMA_VERSION)
    throw new NashraError(
      'STORE',
      `database ${label} has schema v${version}; this nashra needs v${POSTGRES_SCHEMA_VERSION}`,
    );
  const r = await pool.query<{ missing: string[] }>(
    'SELECT array(SELECT t FROM unnest($1::text[]) t WHERE to_regclass(t) IS NULL) AS missing',
    [[...REQUIRED_TABLES]],
  );
  const missing = r.rows[0]?.missing ?? [];
  if (missing.length > 0)
    throw new NashraError(
      'CORRUPT',
      `database ${label} lacks the tables ${missing.join(', ')}: restore it from a backup (pg_dump)`,
    );
}
