import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { NashraError } from '../core/errors/nashra-error.js';
import { damagedDatabase, isDamageError } from './check-database.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** A better-sqlite3 connection. */
export type Db = Database.Database;

/** How long a writer waits for another process's lock before failing, in ms. */
export const BUSY_TIMEOUT_MS = 5_000;

/** How to open the database. */
export interface OpenDatabaseOptions {
  /**
   * Open for reading only. Chosen automatically when the file or its folder cannot be
   * written (a read-only mount, a file owned by someone else): queries still work.
   */
  readonly readonly?: boolean;
}

/** True when this process cannot write the database file (or create it and its WAL). */
export function isReadOnlyPath(file: string): boolean {
  if (file === ':memory:') return false;
  try {
    accessSync(existsSync(file) ? file : dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(dirname(file), constants.W_OK);
    return false;
  } catch {
    return existsSync(file);
  }
}

/**
 * Opens (creating when needed) the database in WAL mode and migrates it. WAL lets the
 * bot answer queries while an index run writes. A database from a newer nashra is
 * refused rather than silently misread; a damaged one is reported with its name and the
 * way out; one that cannot be written is opened read-only.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const readonly = options.readonly ?? isReadOnlyPath(file);
  if (file !== ':memory:' && !readonly) ensureFolder(dirname(file));
  let db: Db;
  try {
    db = readonly ? openReadOnly(file) : new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (cause) {
    if (isDamageError(cause)) throw damagedDatabase(file, (cause as Error).message, cause);
    throw new NashraError('STORE', `cannot open database ${file}: ${(cause as Error).message}`, { cause });
  }
  try {
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    migrate(db, file, readonly);
  } catch (err) {
    if (db.open) db.close();
    if (isDamageError(err)) throw damagedDatabase(file, (err as Error).message, err);
    throw err;
  }
  return db;
}

/**
 * Opens a database this process cannot write. SQLite reads a WAL database only with its
 * `-shm` file, which a read-only folder cannot hold; then the file (and its WAL, if a
 * writer left one) is copied to a private temporary folder, removed at exit, and the
 * copy is read: the same answers, as of the moment of opening.
 */
function openReadOnly(file: string): Db {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, readonly: true, fileMustExist: true });
  try {
    db.pragma('user_version');
    return db;
  } catch (err) {
    db.close();
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test((err as { code?: string }).code ?? '')) throw err;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nashra-readonly-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return new Database(copy, { timeout: BUSY_TIMEOUT_MS });
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
      throw new NashraError(
        'STORE',
        `cannot create the database folder ${dir} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
        { cause },
      );
    }
  }
}

function migrate(db: Db, file: string, readonly: boolean): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new NashraError(
      'STORE',
      `database ${file} has schema v${current}, newer than this nashra (v${SCHEMA_VERSION}); upgrade nashra or use another --db`,
    );
  }
  if (readonly && current < SCHEMA_VERSION) {
    db.close();
    throw new NashraError(
      'STORE',
      `database ${file} is read-only and has schema v${current}; this nashra needs v${SCHEMA_VERSION}: open it once where it can be written`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
