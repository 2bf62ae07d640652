import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

/**
 * Inserts rows of two columns with `INSERT OR IGNORE … VALUES (?, ?), (?, ?), …`, one
 * statement call for up to `maxRows` rows. A call per row was a large share of indexing
 * time (hundreds of thousands of name words and band keys for 20,000 articles); statements
 * are prepared once per row count, lazily. Row `i` is `(first[i], second[i])`.
 */
export function createMultiRowInsert(
  db: Db,
  table: string,
  columns: readonly [string, string],
  maxRows: number,
): (first: ArrayLike<unknown>, second: ArrayLike<unknown>) => void {
  const byCount = new Map<number, Database.Statement<unknown[]>>();
  const statement = (count: number) => {
    let stmt = byCount.get(count);
    if (!stmt) {
      const values = Array(count).fill('(?, ?)').join(', ');
      stmt = db.prepare<unknown[]>(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
      byCount.set(count, stmt);
    }
    return stmt;
  };
  return (first, second) => {
    for (let from = 0; from < first.length; from += maxRows) {
      const count = Math.min(maxRows, first.length - from);
      const params = new Array<unknown>(2 * count);
      for (let i = 0; i < count; i++) {
        params[2 * i] = first[from + i];
        params[2 * i + 1] = second[from + i];
      }
      statement(count).run(params);
    }
  };
}
