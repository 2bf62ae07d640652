import { randomBytes } from 'node:crypto';
import { createPgClient } from '../../src/store/postgres/create-pg-pool.js';

/** The environment variable naming the PostgreSQL server the PostgreSQL suites run on. */
export const TEST_DATABASE_VARIABLE = 'NASHRA_TEST_DATABASE_URL';

/** The server's URL (any database on it; each test file creates its own), or undefined: the suites skip. */
export const TEST_DATABASE_URL: string | undefined = process.env[TEST_DATABASE_VARIABLE] || undefined;

/** The one line `npm test` prints when the PostgreSQL suites are skipped (from the global setup). */
export const SKIP_LINE = `PostgreSQL suites skipped: set ${TEST_DATABASE_VARIABLE} (e.g. postgres://postgres@127.0.0.1:5432/test) to run them`;

/** A database of one test file, dropped by `drop()`. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates a fresh database (`nashra_t_<random>`) on the test server, so test files never
 * see each other's rows and may run in parallel. Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(serverUrl = TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) throw new Error(`${TEST_DATABASE_VARIABLE} is not set`);
  const name = `nashra_t_${randomBytes(6).toString('hex')}`;
  const admin = createPgClient(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      const client = createPgClient(serverUrl);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
