import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

/**
 * Inserts rows of two columns with `INSERT OR IGNORE … VALUES (?, ?), (?, ?), …`, one
 * statement call for up to `maxRows` rows. A call per row was a large share of indexing
 * time (hundreds of thousands of name words and band keys for 20,000 articles); statements
 * are prepared once per row count, lazily.
 */
export function createMultiRowInsert(
  db: Db,
  table: string,
  columns: readonly [string, string],
  maxRows: number,
): (rows: readonly (readonly [unknown, unknown])[]) => void {
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
  return (rows) => {
    for (let i = 0; i < rows.length; i += maxRows) {
      const chunk = rows.slice(i, i + maxRows);
      statement(chunk.length).run(...chunk.flat());
    }
  };
}
