/**
 * What the bench's query mode samples its queries from, read from a PostgreSQL database
 * with the statements the SQLite path uses (same rows, in row-number order).
 */
import { createPgClient } from '../../src/store/postgres/create-pg-pool.js';

export interface BenchSamples {
  readonly ids: string[];
  readonly bodies: string[];
  readonly people: { name: string; aliases: string }[];
  readonly counts: { quotes: number; people: number; persons: number };
}

export async function postgresSamples(url: string): Promise<BenchSamples> {
  const client = createPgClient(url);
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>('SELECT id FROM articles ORDER BY num')).rows.map((r) => r.id);
    const bodies = (
      await client.query<{ body: string }>('SELECT body FROM articles WHERE num % 3 = 0 ORDER BY num LIMIT 7000')
    ).rows.map((r) => r.body);
    const people = (
      await client.query<{ name: string; aliases: string }>(
        'SELECT name, aliases::text AS aliases FROM people ORDER BY random() LIMIT 2000',
      )
    ).rows;
    const counts = (
      await client.query<{ quotes: number; people: number; persons: number }>(
        "SELECT (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM people WHERE kind = 'person')::int AS persons",
      )
    ).rows[0]!;
    return { ids, bodies, people, counts };
  } finally {
    await client.end();
  }
}
