import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** Parameters of one statement. */
export type PgParams = readonly unknown[];

/**
 * Where a store's statements run: on the connection of the transaction the current async
 * call chain is inside, else on any pooled connection. The index writer and the story
 * store share one session, so story writes join the writer's transactions as they do on
 * SQLite, while the bot's reads on other call chains never wait on them.
 */
export interface PgSession {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: PgParams): Promise<pg.QueryResult<R>>;
  /**
   * All rows of a statement. With `name`, the statement is prepared once per connection
   * and its plan reused: planning a search costs more than running it.
   */
  rows<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: PgParams, name?: string): Promise<R[]>;
  /** The first row of a statement, or null. */
  one<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: PgParams): Promise<R | null>;
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. A nested call joins the outer transaction.
   */
  transaction<T>(fn: () => Promise<T>, hooks?: TransactionHooks): Promise<T>;
  /** True inside `transaction` (on the current async call chain). */
  inTransaction(): boolean;
  readonly pool: pg.Pool;
}

/** Called around a commit (the crash-point test hook, batched writes that must land first). */
export interface TransactionHooks {
  beforeCommit?(): Promise<void> | void;
  afterCommit?(): void;
}

/** Creates a session over `pool`. */
export function createPgSession(pool: pg.Pool): PgSession {
  const current = new AsyncLocalStorage<pg.PoolClient>();
  const runner = (): pg.Pool | pg.PoolClient => current.getStore() ?? pool;
  const query = <R extends pg.QueryResultRow>(sql: string, params: PgParams = [], name?: string) =>
    runner().query<R>(
      name ? { name, text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] },
    );
  return {
    pool,
    query,
    rows: async <R extends pg.QueryResultRow>(sql: string, params?: PgParams, name?: string) =>
      (await query<R>(sql, params, name)).rows,
    one: async <R extends pg.QueryResultRow>(sql: string, params?: PgParams) =>
      (await query<R>(sql, params)).rows[0] ?? null,
    inTransaction: () => current.getStore() !== undefined,
    async transaction(fn, hooks) {
      if (current.getStore()) return fn();
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await current.run(client, fn);
        await current.run(client, async () => hooks?.beforeCommit?.());
        await client.query('COMMIT');
        hooks?.afterCommit?.();
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError; // the connection is unusable: do not return it to the pool
        }
        throw err;
      } finally {
        client.release(broken as Error | undefined);
      }
    },
  };
}
