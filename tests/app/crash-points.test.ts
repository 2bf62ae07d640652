import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { runCli } from '../support/run-cli.js';

/**
 * Issue 17, point 2: `kill -9` at any transaction boundary of an incremental index run,
 * then one normal run, must leave exactly what a clean index of the same corpus holds —
 * people included (a crash before the people rebuild used to leave them stale for good).
 */

/** Everything derived from the corpus, in a stable order (indexed_at aside: it is a clock). */
function dump(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT id, hash, title, words FROM articles ORDER BY id').all(),
      quotes: db
        .prepare(`SELECT a.id, q.sentence_idx, q.speaker, q.text, p.name AS person FROM quotes q JOIN articles a ON a.num = q.article_num
        LEFT JOIN people p ON p.num = q.person_num ORDER BY a.id, q.sentence_idx, q.text, q.speaker`)
        .all(),
      people: db.prepare('SELECT name, kind, aliases, quotes FROM people ORDER BY name, kind').all(),
      // story grouping is derived too: new-1 (a copy of a seed article) must join its story
      stories: db
        .prepare('SELECT a.id, r.id AS rep FROM articles a LEFT JOIN articles r ON r.num = a.story ORDER BY a.id')
        .all(),
      units: db.prepare('SELECT origin, stamp FROM units ORDER BY origin').all().length,
      search: db.prepare("SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH 'body_words:بوتين'").get(),
    };
  } finally {
    db.close();
  }
}

describe('crash convergence', () => {
  let dir: string;
  const corpus = () => join(dir, 'corpus');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-crash-'));
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  /** Version A of the corpus: the five seed articles. Version B: one edited, two added (no removal: it would force the people rebuild and hide the fault). */
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

  const index = (db: string, env: Record<string, string> = {}) =>
    runCli(['index', '--json', '--corpus', corpus(), '--db', db], env);

  it('the next run after a kill -9 at any transaction boundary matches a clean index', async () => {
    writeCorpus('B');
    const clean = join(dir, 'clean.sqlite');
    expect((await index(clean)).code).toBe(0);
    const expected = dump(clean);
    expect((expected as { stories: { id: string; rep: string }[] }).stories.filter((s) => s.rep !== s.id)).toHaveLength(
      1,
    );

    // The incremental run B over A writes one batch of articles, then the final transaction
    // (removals, people); a kill inside a transaction is a rollback to the boundary before it.
    const points = ['inside:1', 'after:1', 'inside:2', 'after:2'];
    for (const point of points) {
      const db = join(dir, `crash-${point.replace(':', '-')}.sqlite`);
      writeCorpus('A');
      expect((await index(db)).code).toBe(0);
      writeCorpus('B');
      const crashed = await index(db, { NASHRA_CRASH_AT: point });
      expect(crashed.signal ?? crashed.code, `${point}: ${crashed.stderr}`).toSatisfy(
        (s) => s === 'SIGKILL' || s === 137,
      );
      const repaired = await index(db);
      expect(repaired.code, repaired.stderr).toBe(0);
      expect(dump(db), point).toEqual(expected);
    }
  }, 240_000);
});
