import type { AnalyzedArticle } from '../../core/analysis/analyze-article.js';
import type { Person } from '../../core/people/person.js';
import type { SkippedEntry } from '../../core/ports/corpus-source.js';
import type { IndexWriter, KnownUnit } from '../../core/ports/index-writer.js';
import type { Speaker, SpeakerKind } from '../../core/quotes/quote.js';
import { normalizeArabic } from '../../core/text/normalize-arabic.js';
import { crashPointFromEnv } from '../crash-point.js';
import type { PgSession } from './create-pg-session.js';
import { type BatchedArticle, writeArticleBatch } from './write-article-batch.js';

/** Clock for `indexed_at`; injected so digests of "new" articles can be tested. */
export type Now = () => Date;

/** Articles buffered before a write even inside one transaction: bounds the memory of a huge batch. */
export const MAX_BUFFERED_ARTICLES = 1_024;

/** The PostgreSQL index writer, plus `settle` for stores sharing its session. */
export type PostgresIndexWriter = IndexWriter & {
  /** Writes the articles still buffered (the story store calls it before reading). */
  settle(): Promise<void>;
  /** Resolves once the tidying started by the last `endRun` is done (before closing the pool). */
  idle(): Promise<void>;
};

/**
 * The index writer over PostgreSQL. `upsertArticle` only buffers: the batch is written by
 * `writeArticleBatch` (one multi-row insert per table) before any other statement of the
 * writer and before the transaction commits, so statements still run in the order the
 * indexer called them and a crash loses the whole batch or nothing. The derived-pending
 * mark lives in `meta` and is set in the same transaction as the articles, as on SQLite.
 */
export function createPostgresIndexWriter(session: PgSession, now: Now = () => new Date()): PostgresIndexWriter {
  const crash = crashPointFromEnv();
  let buffer: BatchedArticle[] = [];
  /** Words already in name_keys, loaded on the first write of a run, dropped by `endRun`. */
  let knownNameWords: Set<string> | null = null;
  /** True once this run changed the index: its end then tidies the search index and the statistics. */
  let changed = false;
  let tidying: Promise<void> = Promise.resolve();

  async function settle(): Promise<void> {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    knownNameWords ??= new Set((await session.rows<{ word: string }>('SELECT word FROM name_keys')).map((r) => r.word));
    const words = knownNameWords;
    changed = true;
    await session.transaction(() => writeArticleBatch(session, batch, words, now().toISOString()));
  }
  /** Every statement but an upsert first writes the buffer, keeping the indexer's order. */
  const settled =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await settle();
      return fn(...args);
    };
  const getMeta = async (key: string) =>
    (await session.one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value;
  const setMeta = async (key: string, value: string) =>
    void (await session.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    ));
  /** Transactions of this writer, one at a time (the indexer and the feed reader share it): its buffer is theirs. */
  let turn: Promise<unknown> = Promise.resolve();
  const transaction = <T>(fn: () => Promise<T>): Promise<T> => {
    if (session.inTransaction()) return fn();
    const run = turn.then(() => inTransaction(fn));
    turn = run.catch(() => {});
    return run;
  };
  const inTransaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await session.transaction(fn, {
        beforeCommit: async () => {
          await settle();
          crash.inside();
        },
        afterCommit: () => crash.after(),
      });
    } catch (err) {
      // Rolled back: what was buffered never happened, nor did the name words it added.
      buffer = [];
      knownNameWords = null;
      throw err;
    }
  };

  return {
    settle,
    transaction,
    analyzerVersion: settled(async () => Number((await getMeta('analyzer_version')) ?? 0)),
    setAnalyzerVersion: settled((version: number) => setMeta('analyzer_version', String(version))),
    knownUnits: settled(async () => {
      const units = new Map<string, KnownUnit & { articles: Map<string, string> }>();
      const rows = await session.rows<{ origin: string; stamp: string; skipped: SkippedEntry[] }>(
        'SELECT origin, stamp, skipped FROM units',
      );
      for (const u of rows) units.set(u.origin, { stamp: u.stamp, articles: new Map(), skipped: u.skipped });
      // Feed articles (origin 'feed:…') belong to no corpus unit: a rescan never removes them.
      const articles = await session.rows<{ origin: string; id: string; hash: string }>(
        "SELECT origin, id, hash FROM articles WHERE left(origin, 5) <> 'feed:'",
      );
      for (const a of articles) {
        let unit = units.get(a.origin);
        if (!unit) {
          unit = { stamp: '', articles: new Map(), skipped: [] }; // a crash between article and unit writes
          units.set(a.origin, unit);
        }
        unit.articles.set(a.id, a.hash);
      }
      return units as Map<string, KnownUnit>;
    }),
    derivedPending: settled(async () => (await getMeta('derived_pending')) === '1'),
    setDerivedPending: settled((pending: boolean) => setMeta('derived_pending', pending ? '1' : '0')),
    saveUnit: settled(async (origin: string, stamp: string, skipped: readonly SkippedEntry[]) => {
      await session.query(
        `INSERT INTO units (origin, stamp, skipped) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (origin) DO UPDATE SET stamp = excluded.stamp, skipped = excluded.skipped`,
        [origin, stamp, JSON.stringify(skipped)],
      );
    }),
    deleteUnit: settled(
      async (origin: string) => void (await session.query('DELETE FROM units WHERE origin = $1', [origin])),
    ),

    async upsertArticle(origin: string, hash: string, analyzed: AnalyzedArticle) {
      buffer.push({ origin, hash, analyzed });
      if (buffer.length >= MAX_BUFFERED_ARTICLES) await settle();
    },
    setArticleOrigin: settled(
      async (id: string, origin: string) =>
        void (await session.query('UPDATE articles SET origin = $1 WHERE id = $2', [origin, id])),
    ),
    deleteArticle: settled((id: string) =>
      transaction(async () => {
        const existing = await session.one<{ num: number }>('SELECT num FROM articles WHERE id = $1', [id]);
        if (!existing) return false;
        await session.query(
          `INSERT INTO article_tombstones (id, indexed_at, removed_at) SELECT id, indexed_at, $1 FROM articles WHERE num = $2
           ON CONFLICT (id) DO UPDATE SET removed_at = excluded.removed_at`,
          [now().toISOString(), existing.num],
        );
        await session.query(
          'UPDATE articles SET story = NULL WHERE story = (SELECT story FROM articles WHERE num = $1)',
          [existing.num],
        );
        await session.query('DELETE FROM articles WHERE num = $1', [existing.num]);
        changed = true;
        return true;
      }),
    ),
    articleCount: settled(async () => (await session.one<{ n: number }>('SELECT count(*)::int AS n FROM articles'))!.n),

    allSpeakers: settled(async () => {
      const rows = await session.rows<{
        num: number;
        speaker: string;
        speaker_kind: string;
        speaker_description: string | null;
        speaker_aliases: string[];
      }>('SELECT num, speaker, speaker_kind, speaker_description, speaker_aliases FROM quotes ORDER BY num');
      return rows.map((r) => ({
        quoteNum: r.num,
        speaker: {
          name: r.speaker,
          kind: r.speaker_kind as SpeakerKind,
          description: r.speaker_description,
          aliases: r.speaker_aliases,
        } satisfies Speaker,
      }));
    }),
    replacePeople: settled((people: readonly Person[], personOfQuote: ReadonlyMap<number, number>) =>
      transaction(async () => {
        await session.query('DELETE FROM person_keys');
        await session.query('DELETE FROM people');
        await session.query('UPDATE quotes SET person_num = NULL WHERE person_num IS NOT NULL');
        const p = { num: [] as number[], name: [] as string[], kind: [] as string[], aliases: [] as string[] };
        const search: string[] = [];
        const keys = { key: [] as string[], num: [] as number[] };
        people.forEach((person, i) => {
          p.num.push(i + 1);
          p.name.push(person.name);
          p.kind.push(person.kind);
          p.aliases.push(JSON.stringify(person.aliases));
          search.push(` ${normalizeArabic([person.name, ...person.aliases].join(' ')).replace(/\s+/g, ' ')} `);
          for (const key of new Set(person.keys)) {
            keys.key.push(key);
            keys.num.push(i + 1);
          }
        });
        await session.query(
          `INSERT INTO people (num, name, kind, aliases, search)
           SELECT n, name, kind, aliases::jsonb, search FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
             AS t(n, name, kind, aliases, search)`,
          [p.num, p.name, p.kind, p.aliases, search],
        );
        await session.query(
          'INSERT INTO person_keys (key, person_num) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING',
          [keys.key, keys.num],
        );
        await session.query(
          `UPDATE quotes q SET person_num = l.person FROM unnest($1::bigint[], $2::bigint[]) AS l(quote, person)
           WHERE q.num = l.quote`,
          [[...personOfQuote.keys()], [...personOfQuote.values()].map((x) => x + 1)],
        );
        // Quotes count once however many copies of a story carry the same words.
        await session.query(
          `UPDATE people p SET quotes = c.n FROM (SELECT person_num, count(DISTINCT text)::int AS n FROM quotes
           WHERE person_num IS NOT NULL GROUP BY person_num) c WHERE c.person_num = p.num`,
        );
      }),
    ),
    endRun() {
      // Every batch was written when its transaction committed; anything left belongs to one that failed.
      buffer = [];
      knownNameWords = null;
      if (!changed) return tidying;
      changed = false;
      // Merge the GIN index's pending list (else every search scans it) and refresh the
      // planner's statistics, which the search rank also reads its article count from.
      tidying = tidying
        .then(async () => {
          await session.query("SELECT gin_clean_pending_list('search_docs_doc'::regclass)");
          await session.query('ANALYZE search_docs, articles, quotes, story_bands');
        })
        .catch(() => {});
      return tidying;
    },
    idle: () => tidying,
  };
}
