import { NashraError } from '../core/errors/nashra-error.js';
import type { Storage } from '../core/ports/storage.js';
import { openSqliteStorage } from '../store/open-sqlite-storage.js';

/** A `--db` / `NASHRA_DB` value naming a PostgreSQL database rather than a SQLite file. */
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** How storage is opened, whatever the engine. */
export interface OpenStorageOptions {
  /** Read-only (SQLite: default when the file cannot be written). */
  readonly readonly?: boolean;
  /** Clock for `indexed_at`. */
  readonly now?: () => Date;
}

/** True when `db` is a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl(db: string): boolean {
  return POSTGRES_URL.test(db);
}

/** A PostgreSQL URL with its password replaced, fit for messages and logs. */
export function redactUrl(db: string): string {
  try {
    const url = new URL(db);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return db.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

/**
 * The engine chooser, the one place that reads `--db`: a `postgres://` (or `postgresql://`)
 * URL opens PostgreSQL, anything else is a SQLite file path, as before.
 */
export async function openStorage(db: string, options: OpenStorageOptions = {}): Promise<Storage> {
  if (isPostgresUrl(db)) {
    // Imported only here, so SQLite users never load `pg`.
    const { openPostgresStorage } = await import('../store/postgres/open-postgres-storage.js');
    return openPostgresStorage(db, options);
  }
  return openSqliteStorage(db, options);
}

/** The error for a SQLite-only operation asked of PostgreSQL storage. */
export function sqliteOnly(what: string, instead: string): NashraError {
  return new NashraError('CONFIG', `${what} works on a SQLite file only; on PostgreSQL ${instead}`);
}
