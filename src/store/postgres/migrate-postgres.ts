import type pg from 'pg';
import { NashraError } from '../../core/errors/nashra-error.js';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';

/**
 * Advisory lock key held while migrating (`hashtext('nashra:migrate')` would do too, but
 * a constant is the same on every server): several instances starting at once migrate
 * one after another, the later ones finding nothing left to do.
 */
export const MIGRATE_LOCK_KEY = 0x6e617368_7261_01n;

/** The version table: one row per migration applied. */
const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS nashra_schema (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** The schema version of the database (0 when nashra never migrated it). */
export async function postgresSchemaVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const table = await client.query<{ t: string | null }>("SELECT to_regclass('nashra_schema')::text AS t");
  if (!table.rows[0]?.t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM nashra_schema');
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the database to `POSTGRES_SCHEMA_VERSION`, each migration in its own transaction
 * under an advisory lock. A database from a newer nashra is refused rather than misread.
 */
export async function migratePostgres(pool: pg.Pool, label: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY.toString()]);
    await client.query(VERSION_TABLE);
    await client.query('COMMIT');
    for (;;) {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY.toString()]);
      const current = await postgresSchemaVersion(client);
      if (current > POSTGRES_SCHEMA_VERSION) {
        await client.query('ROLLBACK');
        throw new NashraError(
          'STORE',
          `database ${label} has schema v${current}, newer than this nashra (v${POSTGRES_SCHEMA_VERSION}); upgrade nashra or use another --db`,
        );
      }
      const next = POSTGRES_MIGRATIONS.find((m) => m.version > current);
      if (!next) {
        await client.query('COMMIT');
        return;
      }
      await client.query(next.sql);
      await client.query('INSERT INTO nashra_schema (version, description) VALUES ($1, $2)', [
        next.version,
        next.description,
      ]);
      await client.query('COMMIT');
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
