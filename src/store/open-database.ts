import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { NashraError } from '../core/errors/nashra-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** A better-sqlite3 connection. */
export type Db = Database.Database;

/** How long a writer waits for another process's lock before failing, in ms. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when needed) the database in WAL mode and migrates it. WAL lets the
 * bot answer queries while an index run writes. A database from a newer nashra is
 * refused rather than silently misread.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') ensureFolder(dirname(file));
  let db: Db;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (cause) {
    throw new NashraError('STORE', `cannot open database ${file}: ${(cause as Error).message}`, { cause });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  migrate(db, file);
  return db;
}

/**
 * Creates the database's folder one level at a time. Node's recursive mkdir can spin
 * forever on special filesystems (/proc), so each missing level is made on its own and
 * any failure is reported with the folder's name.
 */
function ensureFolder(folder: string): void {
  const missing: string[] = [];
  for (let dir = resolve(folder); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (cause) {
      throw new NashraError('STORE', `cannot create the database folder ${dir} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, { cause });
    }
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new NashraError('STORE', `database ${file} has schema v${current}, newer than this nashra (v${SCHEMA_VERSION}); upgrade nashra or use another --db`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
