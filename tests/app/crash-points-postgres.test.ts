import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgClient } from '../../src/store/postgres/create-pg-pool.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../support/postgres-test-database.js';
import { runCli } from '../support/run-cli.js';

/**
 * The crash-point test of the SQLite file (crash-points.test.ts) on PostgreSQL: `kill -9`
 * at any transaction boundary of an incremental index run, then one normal run, must leave
 * exactly what a clean index of the same corpus holds, and no stale index lock.
 */

/** Everything derived from the corpus, in a stable order (indexed_at aside: it is a clock). */
async function dump(url: string): Promise<unknown> {
  const client = createPgClient(url);
  await client.connect();
  const all = async (sql: string) => (await client.query(sql)).rows;
  try {
    return {
      articles: await all('SELECT id, hash, title, words FROM articles ORDER BY id'),
      quotes: await all(`SELECT a.id, q.sentence_idx, q.speaker, q.text, p.name AS person FROM quotes q
        JOIN articles a ON a.num = q.article_num LEFT JOIN people p ON p.num = q.person_num
        ORDER BY a.id, q.sentence_idx, q.text, q.speaker`),
      people: await all('SELECT name, kind, aliases, quotes FROM people ORDER BY name, kind'),
      stories: await all(
        'SELECT a.id, r.id AS rep FROM articles a LEFT JOIN articles r ON r.num = a.story ORDER BY a.id',
      ),
      units: (await all('SELECT origin, stamp FROM units ORDER BY origin')).length,
      search: await all("SELECT count(*)::int AS n FROM search_docs WHERE doc @@ '''بوتين'''::tsquery"),
      pending: await all("SELECT value FROM meta WHERE key = 'derived_pending'"),
    };
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)('crash convergence on PostgreSQL', () => {
  let dir: string;
  const databases: TestDatabase[] = [];
  const corpus = () => join(dir, 'corpus');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-crash-pg-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const db of databases) await db.drop();
  });

  /** As in crash-points.test.ts: A is the seed corpus; B edits one article and adds two. */
  function writeCorpus(version: 'A' | 'B'): void {
    rmSync(corpus(), { recursive: true, force: true });
    cpSync(FIXTURE_CORPUS, corpus(), { recursive: true });
    if (version === 'A') return;
    appendFileSync(
      join(corpus(), '003_3ddc96a2e226cfb4.txt'),
      '\nوقال الرئيس الروسي فلاديمير بوتين: «القمة ناجحة بكل المقاييس».\n',
    );
    const seed = readFileSync(join(FIXTURE_CORPUS, readdirSync(FIXTURE_CORPUS)[2]!), 'utf8');
    writeFileSync(join(corpus(), 'new-1.txt'), seed.replace(/بوتين/g, 'لافروف'));
    writeFileSync(
      join(corpus(), 'new-2.txt'),
      'title: خبر\n\nقال وزير الخارجية سيرغي لافروف: «لن نقبل بأي شروط مسبقة للتفاوض».\n',
    );
  }

  const fresh = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db.url;
  };
  const index = (db: string, env: Record<string, string> = {}) =>
    runCli(['index', '--json', '--corpus', corpus(), '--db', db], env);

  it('the next run after a kill -9 at any transaction boundary matches a clean index', async () => {
    writeCorpus('B');
    const clean = await fresh();
    expect((await index(clean)).code).toBe(0);
    const expected = await dump(clean);

    const points = ['inside:1', 'after:1', 'inside:2', 'after:2'];
    for (const point of points) {
      const db = await fresh();
      writeCorpus('A');
      expect((await index(db)).code).toBe(0);
      writeCorpus('B');
      const crashed = await index(db, { NASHRA_CRASH_AT: point });
      expect(crashed.signal ?? crashed.code, `${point}: ${crashed.stderr}`).toSatisfy(
        (s) => s === 'SIGKILL' || s === 137,
      );
      // The killed process's advisory lock went with its connection: the next run indexes.
      const repaired = await index(db);
      expect(repaired.code, repaired.stderr).toBe(0);
      expect(await dump(db), point).toEqual(expected);
    }
  }, 300_000);
});
