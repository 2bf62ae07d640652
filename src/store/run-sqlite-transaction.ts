import type { CrashPoint } from './crash-point.js';
import type { Db } from './open-database.js';

/** The transaction last queued on each connection: the next one starts when it has ended. */
const queues = new WeakMap<Db, Promise<void>>();

/**
 * Runs an asynchronous unit of work as one SQLite write transaction on `db`:
 * `BEGIN IMMEDIATE` (the write lock up front, so it never fails half-way on a busy file),
 * `COMMIT` when `fn` resolves, `ROLLBACK` when it rejects. better-sqlite3's own
 * `db.transaction` cannot wrap a function that awaits, hence the explicit statements.
 *
 * Transactions on one connection take turns (a small per-connection queue): the indexer
 * and the feed reader share the bot's connection, and a second `BEGIN` inside an open
 * transaction would fail. The work in `fn` must only await storage calls on the same
 * connection, which answer at once on SQLite; so a transaction still runs start to end
 * without yielding to timers or I/O, as the synchronous one did. Not reentrant: calling
 * it again from inside `fn` would wait for itself.
 *
 * `crash` is the `NASHRA_CRASH_AT` test hook, fired at the same boundaries as before:
 * with the writes done but not committed, and right after the commit.
 */
export async function runSqliteTransaction<T>(db: Db, fn: () => Promise<T>, crash: CrashPoint): Promise<T> {
  const before = queues.get(db) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  queues.set(
    db,
    before.then(() => mine),
  );
  await before;
  try {
    db.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await fn();
      crash.inside();
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    crash.after();
    return result;
  } finally {
    done();
  }
}
