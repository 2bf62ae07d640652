import { SKIP_LINE, TEST_DATABASE_URL } from './postgres-test-database.js';

/** Says once per `npm test`, not once per file, that the PostgreSQL suites are skipped and how to run them. */
export default function setup(): void {
  if (!TEST_DATABASE_URL) process.stdout.write(`${SKIP_LINE}\n`);
}
