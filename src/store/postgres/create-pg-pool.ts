import pg from 'pg';
import { NashraError } from '../../core/errors/nashra-error.js';

/** Connections of each of a process's two pools (writes, reads): a bot's queries are short, the indexer holds one. */
export const PG_POOL_SIZE = 6;
/** How long a new connection may take before the start-up fails, in ms. */
export const PG_CONNECT_TIMEOUT_MS = 5_000;

/** PostgreSQL type oid of `bigint`. */
const INT8_OID = 20;

/** True for a URL naming a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL with any password replaced, for messages and logs. */
export function redactPostgresUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/**
 * Type parsers of this pool: `bigint` comes back as a JavaScript number (every bigint
 * nashra stores — row numbers, LSH band keys — is below 2^53), not pg's default string.
 * Kept per pool so other users of `pg` in the process are not affected.
 */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * Settings of the read pool's connections. Every read of the index is an index lookup; a
 * planner that guesses a common word matches most rows would rather scan `search_docs` and
 * read every (toasted, ~5 kB) document, tens of times slower than the GIN index, which
 * answers plain-lexeme queries without reading any. So sequential scans are priced out.
 */
export const READ_SETTINGS = '-c enable_seqscan=off';

/**
 * A connection pool of one nashra process (`reads`: for the index's read side, see
 * `READ_SETTINGS`). An idle connection that breaks (a restarted server) is dropped from
 * the pool and reported to `onError` instead of crashing the process.
 */
export function createPgPool(url: string, onError: (err: Error) => void = () => {}, reads = false): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: PG_POOL_SIZE,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    types: TYPES,
    application_name: reads ? 'nashra-reads' : 'nashra',
    ...(reads ? { options: READ_SETTINGS } : {}),
  });
  pool.on('error', onError);
  return pool;
}

/** A single connection outside the pool (the index lock, creating test databases), with the pool's types. */
export function createPgClient(url: string): pg.Client {
  return new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    types: TYPES,
    application_name: 'nashra',
  });
}

/** A connection failure in words a person can act on, naming the database without its password. */
export function unreachable(url: string, cause: unknown): NashraError {
  return new NashraError(
    'STORE',
    `cannot connect to PostgreSQL at ${redactPostgresUrl(url)}: ${(cause as Error).message || String(cause)}`,
    { cause },
  );
}
