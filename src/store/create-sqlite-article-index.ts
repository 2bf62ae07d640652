import type {
  ArticleIndex,
  ArticleSummaryRow,
  PersonKeyHit,
  PersonRow,
  StoredQuote,
} from '../core/ports/article-index.js';
import type { SpeakerKind } from '../core/quotes/quote.js';
import { normalizeArabic } from '../core/text/normalize-arabic.js';
import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';
import { renderFts5Query } from './render-fts5-query.js';

/**
 * bm25 column weights, in FTS column order: title words/stems, body words/stems.
 * A title hit outweighs a body hit; an exact word (or a spelling variant) outweighs a stem.
 */
export const BM25_WEIGHTS = [8, 5, 1.6, 1] as const satisfies readonly number[];

/**
 * Matching articles read per story asked for: a search collapses copies into stories, so
 * it reads more articles than it returns, and reads further when that was not enough.
 */
export const HITS_PER_STORY = 4;

const BM25 = `bm25(article_fts, ${BM25_WEIGHTS.join(', ')})`;
const ARTICLE_COLUMNS = 'a.id, a.title, a.date, a.source, a.url';

interface PersonDbRow {
  num: number;
  name: string;
  kind: string;
  aliases: string;
  quotes: number;
}
interface QuoteDbRow {
  speaker: string;
  speaker_kind: string;
  text: string;
  id: string;
  title: string;
  weight: number;
  also?: string;
}

function toPerson(r: PersonDbRow): PersonRow {
  return {
    num: r.num,
    name: r.name,
    kind: r.kind as SpeakerKind,
    aliases: JSON.parse(r.aliases) as string[],
    quotes: r.quotes,
  };
}

function toQuote(r: QuoteDbRow): StoredQuote {
  return {
    speaker: r.speaker,
    speakerKind: r.speaker_kind as SpeakerKind,
    text: r.text,
    articleId: r.id,
    articleTitle: r.title,
    weight: r.weight,
    also: r.also ? (JSON.parse(r.also) as string[]) : [],
  };
}

/** The read side of the index over SQLite: every method is one prepared statement. */
export function createSqliteArticleIndex(db: Db): ArticleIndex {
  const s = {
    // One row per story: its representative (story = the representative's num; NULL while pending: the article alone).
    search: db.prepare<
      [string, number, number, number],
      ArticleSummaryRow & { score: number; also: string; hits: number }
    >(`
      WITH hits AS (
        SELECT rowid AS num, ${BM25} AS rank FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?
      ),
      best AS (
        SELECT coalesce(h.story, h.num) AS story, min(h.rank) AS rank
        FROM (SELECT hits.num, hits.rank, x.story FROM hits JOIN articles x ON x.num = hits.num) h
        GROUP BY 1 ORDER BY 2, 1 LIMIT ? OFFSET ?
      )
      SELECT ${ARTICLE_COLUMNS}, round(-best.rank, 4) AS score, (SELECT count(*) FROM hits) AS hits,
        (SELECT json_group_array(o.id) FROM (SELECT o.id FROM articles o WHERE o.story = best.story AND o.num != best.story ORDER BY o.num) o) AS also
      FROM best JOIN articles a ON a.num = best.story ORDER BY best.rank, best.story`),
    count: db.prepare<[string, number], { n: number }>(
      'SELECT count(DISTINCT coalesce(a.story, a.num)) AS n FROM (SELECT rowid AS num FROM article_fts WHERE article_fts MATCH ? LIMIT ?) h JOIN articles a ON a.num = h.num',
    ),
    storyOthers: db.prepare<[string], { id: string }>(
      'SELECT o.id FROM articles a JOIN articles o ON o.story = a.story AND o.num != a.num WHERE a.id = ? ORDER BY o.num',
    ),
    article: db.prepare<[string], ArticleSummaryRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`),
    sentences: db.prepare<[string], { body: string; spans: string }>(
      'SELECT body, sentence_spans AS spans FROM articles WHERE id = ?',
    ),
    latest: db.prepare<[number, number], ArticleSummaryRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY a.sort_date IS NULL, a.sort_date DESC, a.indexed_at DESC, a.num DESC LIMIT ? OFFSET ?`,
    ),
    countArticles: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
    since: db.prepare<[string, number], ArticleSummaryRow & { also: string }>(`
      WITH fresh AS (SELECT num, coalesce(story, num) AS story, indexed_at FROM articles WHERE indexed_at > ?),
      stories AS (
        SELECT story, max(indexed_at) AS at, max(num) AS newest, max(num = story) AS rep_fresh FROM fresh GROUP BY story
        ORDER BY at DESC, newest DESC LIMIT ?
      )
      SELECT ${ARTICLE_COLUMNS},
        (SELECT json_group_array(o.id) FROM (SELECT o.id FROM articles o WHERE o.story = st.story AND o.num != a.num ORDER BY o.num) o) AS also
      FROM stories st JOIN articles a ON a.num = CASE WHEN st.rep_fresh THEN st.story ELSE st.newest END
      ORDER BY st.at DESC, st.newest DESC`),
    people: db.prepare<[number, number], PersonDbRow>(
      'SELECT num, name, kind, aliases, quotes FROM people ORDER BY quotes DESC, num LIMIT ? OFFSET ?',
    ),
    countPeople: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people'),
    byPrefix: db.prepare<[string, number], PersonDbRow>(
      "SELECT num, name, kind, aliases, quotes FROM people WHERE search LIKE ? ESCAPE '\\' ORDER BY quotes DESC, num LIMIT ?",
    ),
    // One row per distinct text of the person (its first indexed copy); the other articles saying it in `also`.
    quotesOf: db.prepare<[number, number, number], QuoteDbRow>(`
      WITH mine AS (SELECT num, text, article_num FROM quotes WHERE person_num = ?),
      firsts AS (SELECT min(num) AS num FROM mine GROUP BY text)
      SELECT q.speaker, q.speaker_kind, q.text, a.id, a.title, q.weight,
        (SELECT json_group_array(id) FROM (SELECT DISTINCT a2.id FROM mine m2 JOIN articles a2 ON a2.num = m2.article_num
          WHERE m2.text = q.text AND m2.article_num != q.article_num ORDER BY a2.num)) AS also
      FROM firsts f JOIN quotes q ON q.num = f.num JOIN articles a ON a.num = q.article_num
      ORDER BY a.sort_date IS NULL, a.sort_date DESC, a.num, q.num LIMIT ? OFFSET ?`),
    topQuote: db.prepare<[string], QuoteDbRow>(`
      SELECT q.speaker, q.speaker_kind, q.text, a.id, a.title, q.weight
      FROM quotes q JOIN articles a ON a.num = q.article_num
      WHERE a.id = ?
      ORDER BY q.speaker_kind = 'person' DESC, length(q.text) >= 40 DESC, q.weight DESC, q.num LIMIT 1`),
  };

  /** Statements with an `IN (?, …)` list, prepared once per list length (lookups run per keystroke and query). */
  function inStatements<R>(sql: (placeholders: string) => string): (count: number) => Database.Statement<string[], R> {
    const byCount = new Map<number, Database.Statement<string[], R>>();
    return (count) => {
      let stmt = byCount.get(count);
      if (!stmt) {
        stmt = db.prepare<string[], R>(sql(Array(count).fill('?').join(', ')));
        byCount.set(count, stmt);
      }
      return stmt;
    };
  }
  const variantsStatement = inStatements<{ key: string; word: string }>(
    (list) => `SELECT key, word FROM name_keys WHERE key IN (${list})`,
  );
  const peopleByKeysStatement = inStatements<PersonDbRow & { key: string }>(
    (list) =>
      `SELECT p.num, p.name, p.kind, p.aliases, p.quotes, k.key FROM person_keys k JOIN people p ON p.num = k.person_num WHERE k.key IN (${list})`,
  );

  const matchingStatement = inStatements<{ id: string }>(
    (list) =>
      `SELECT a.id FROM articles a WHERE a.id IN (${list}) AND a.num IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)`,
  );

  return {
    async matchingAmong(query, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Set();
      const expression = renderFts5Query(query);
      return new Set(
        matchingStatement(unique.length)
          .all(...unique, expression)
          .map((r) => r.id),
      );
    },
    async nameVariants(keys, limit) {
      const out = new Map<string, string[]>();
      const unique = [...new Set(keys)];
      if (unique.length === 0) return out;
      for (const row of variantsStatement(unique.length).all(...unique)) {
        const list = out.get(row.key) ?? [];
        if (list.length < limit) list.push(row.word);
        out.set(row.key, list);
      }
      return out;
    },
    async search(query, limit, offset) {
      const expression = renderFts5Query(query);
      // Read HITS_PER_STORY matching articles per story wanted; when copies filled them and
      // stories are missing, read four times as many, until the matches run out.
      for (let cap = (offset + limit) * HITS_PER_STORY + 16; ; cap *= 4) {
        const rows = s.search.all(expression, cap, limit, offset);
        if (rows.length >= limit || (rows[0]?.hits ?? 0) < cap) {
          return rows.map(({ hits: _hits, also, ...r }) => ({ ...r, also: JSON.parse(also) as string[] }));
        }
        if (rows.length === 0 && cap > (offset + limit) * HITS_PER_STORY * 64) return [];
      }
    },
    countMatches: async (query, cap) => s.count.get(renderFts5Query(query), cap)!.n,
    getArticle: async (id) => s.article.get(id) ?? null,
    storyOthers: async (id) => s.storyOthers.all(id).map((r) => r.id),
    async getSentences(id) {
      const row = s.sentences.get(id);
      if (!row) return [];
      return (JSON.parse(row.spans) as [number, number, number, number?][]).map(
        ([start, end, score, summarizable]) => ({
          text: row.body.slice(start, end),
          score,
          summarizable: summarizable !== 0,
        }),
      );
    },
    latest: async (limit, offset) => s.latest.all(limit, offset),
    countArticles: async () => s.countArticles.get()!.n,
    indexedSince: async (since, limit) =>
      s.since.all(since ?? '', limit).map(({ also, ...r }) => ({ ...r, also: JSON.parse(also) as string[] })),
    async findPeopleByKeys(keys) {
      if (keys.length === 0) return [];
      const unique = [...new Set(keys)];
      const rows = peopleByKeysStatement(unique.length).all(...unique);
      const byPerson = new Map<number, PersonKeyHit & { matchedKeys: string[] }>();
      for (const r of rows) {
        const hit = byPerson.get(r.num) ?? { ...toPerson(r), matchedKeys: [] };
        hit.matchedKeys.push(r.key);
        byPerson.set(r.num, hit);
      }
      return [...byPerson.values()];
    },
    people: async (limit, offset) => s.people.all(limit, offset).map(toPerson),
    countPeople: async () => s.countPeople.get()!.n,
    async peopleByNamePrefix(prefix, limit) {
      const word = normalizeArabic(prefix).trim().split(/\s+/)[0] ?? '';
      if (word === '') return [];
      return s.byPrefix.all(`% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit).map(toPerson);
    },
    quotesOf: async (personNum, limit, offset) => s.quotesOf.all(personNum, limit, offset).map(toQuote),
    async topQuote(articleId) {
      const row = s.topQuote.get(articleId);
      return row ? toQuote(row) : null;
    },
  };
}
