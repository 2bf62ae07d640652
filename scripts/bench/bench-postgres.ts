/**
 * The PostgreSQL column of `npm run bench`: a fresh database per corpus size on the server
 * named by NASHRA_BENCH_DATABASE_URL (or NASHRA_TEST_DATABASE_URL), dropped afterwards.
 */
import { createPgClient } from '../../src/store/postgres/create-pg-pool.js';

/** The server the bench runs PostgreSQL on, or undefined: no PostgreSQL column. */
export const BENCH_DATABASE_URL: string | undefined =
  process.env.NASHRA_BENCH_DATABASE_URL || process.env.NASHRA_TEST_DATABASE_URL || undefined;

/** `url` naming database `name` on the same server. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (client: ReturnType<typeof createPgClient>) => Promise<T>): Promise<T> {
  const client = createPgClient(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh bench database for one corpus size: its URL, its size in bytes, and how to drop it. */
export async function createBenchDatabase(serverUrl: string, size: number) {
  const name = `nashra_bench_${size}_${process.pid}`;
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return {
    url: withDatabase(serverUrl, name),
    bytes: () =>
      admin(serverUrl, async (c) => Number((await c.query('SELECT pg_database_size($1) AS n', [name])).rows[0].n)),
    drop: () => admin(serverUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
