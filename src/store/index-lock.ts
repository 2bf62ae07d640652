import Database from 'better-sqlite3';
import { NashraError } from '../core/errors/nashra-error.js';

/** Held by the one process that writes the index; released on `release()` or when the process dies. */
export interface IndexLock {
  release(): void;
}

/** The lock file next to the database: `<db>.index-lock`. */
export const indexLockFile = (dbFile: string): string => `${dbFile}.index-lock`;

/**
 * Takes the index lock without waiting: an exclusive SQLite transaction held open on a
 * small file next to the database. The operating system drops it when the process dies,
 * even by `kill -9`, so a crash never leaves a stale lock behind (a pid file would).
 * Returns null when another process holds it, or when the lock file cannot be written
 * (a read-only folder: then nobody can index here anyway).
 */
export function tryIndexLock(dbFile: string): IndexLock | null {
  if (dbFile === ':memory:') return { release: () => {} };
  let db: Database.Database | undefined;
  try {
    db = new Database(indexLockFile(dbFile), { timeout: 0 });
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db?.close();
    const code = (err as { code?: string }).code ?? '';
    // SQLITE_BUSY: another run holds it; SQLITE_CANTOPEN / READONLY: a folder we cannot write.
    if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|READONLY|PERM|IOERR)/.test(code)) return null;
    throw new NashraError('STORE', `cannot take the index lock ${indexLockFile(dbFile)}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const held = db;
  return {
    release() {
      if (!held.open) return;
      held.exec('ROLLBACK');
      held.close();
    },
  };
}
