// CI guard: fails with one clear line when the PostgreSQL named by NASHRA_TEST_DATABASE_URL
// does not answer, so CI never passes by silently skipping the PostgreSQL suites.
import pg from 'pg';

const url = process.env.NASHRA_TEST_DATABASE_URL;
if (!url) {
  console.error('NASHRA_TEST_DATABASE_URL is not set: CI must run the PostgreSQL suites');
  process.exit(1);
}
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const r = await client.query('SHOW server_version');
  console.log(`PostgreSQL ${r.rows[0].server_version} reachable at ${url.replace(/:[^:@/]*@/, ':***@')}`);
} catch (err) {
  console.error(
    `PostgreSQL is unreachable at ${url.replace(/:[^:@/]*@/, ':***@')} (${err.message}): CI needs it for the PostgreSQL suites`,
  );
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}
