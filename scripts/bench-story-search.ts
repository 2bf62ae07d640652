/**
 * Search latency with and without story collapsing, interleaved in one process over the
 * same index (so machine load hits both alike): the cost of one result per story.
 *
 *   npx tsx scripts/bench-story-search.ts /tmp/i14.sqlite
 */
import Database from 'better-sqlite3';
import { buildMatchQuery } from '../src/core/search/build-match-query.js';
import { createSqliteArticleIndex } from '../src/store/create-sqlite-article-index.js';
import { renderFts5Query } from '../src/store/render-fts5-query.js';
import { seededRandom } from './lib/seeded-random.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: bench-story-search.ts DB');
  process.exit(2);
}
const db = new Database(file, { readonly: true });
const index = createSqliteArticleIndex(db as never);
const plain =
  db.prepare(`WITH hits AS (SELECT rowid AS num, bm25(article_fts, 8, 5, 1.6, 1) AS rank FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?)
  SELECT a.id, a.title, a.date, a.source, a.url, round(-hits.rank, 4) AS score FROM hits JOIN articles a ON a.num = hits.num ORDER BY hits.rank`);
const random = seededRandom(7);
const titles = db
  .prepare<[], { title: string }>('SELECT title FROM articles ORDER BY num')
  .all()
  .map((r) => r.title.split(/\s+/));
const queries: string[] = [];
while (queries.length < 1000) {
  const words = titles[Math.floor(random() * titles.length)]!;
  const n = 1 + Math.floor(random() * 2);
  const start = Math.floor(random() * Math.max(1, words.length - n));
  queries.push(words.slice(start, start + n).join(' '));
}
const expressions = (await Promise.all(queries.map((q) => buildMatchQuery(q, (keys) => index.nameVariants(keys, 200)))))
  .filter((m) => m !== null)
  .map((m) => m.query);
const times = { plain: [] as number[], stories: [] as number[] };
for (const e of expressions) {
  let t = performance.now();
  plain.all(renderFts5Query(e), 10, 0);
  times.plain.push(performance.now() - t);
  t = performance.now();
  await index.search(e, 10, 0);
  times.stories.push(performance.now() - t);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(3);
for (const [name, xs] of Object.entries(times))
  console.log(
    `${name.padEnd(8)} p50 ${pct(xs, 50)}  p95 ${pct(xs, 95)}  p99 ${pct(xs, 99)} ms  (${xs.length} queries)`,
  );
