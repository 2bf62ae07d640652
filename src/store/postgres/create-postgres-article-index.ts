import type {
  ArticleIndex,
  ArticleSummaryRow,
  PersonKeyHit,
  PersonRow,
  SearchHit,
  StoredQuote,
} from '../../core/ports/article-index.js';
import type { SpeakerKind } from '../../core/quotes/quote.js';
import { normalizeArabic } from '../../core/text/normalize-arabic.js';
import { HITS_PER_STORY } from '../create-sqlite-article-index.js';
import type { PgSession } from './create-pg-session.js';
import {
  PART_SET_WEIGHTS,
  decomposes,
  queryTerms,
  rankParts,
  renderPlainTsquery,
  renderTsquery,
} from './render-tsquery.js';
import { searchSql } from './search-sql.js';

const ARTICLE_COLUMNS = 'a.id, a.title, a.date, a.source, a.url';
const PERSON_COLUMNS = 'p.num, p.name, p.kind, p.aliases, p.quotes';
const NEWEST_FIRST = 'a.sort_date DESC NULLS LAST, a.indexed_at DESC, a.num DESC';
const ALSO_OF = (story: string, self: string) =>
  `array(SELECT o.id FROM articles o WHERE o.story = ${story} AND o.num <> ${self} ORDER BY o.num) AS also`;

interface PersonDbRow {
  num: number;
  name: string;
  kind: string;
  aliases: string[];
  quotes: number;
}
interface QuoteDbRow {
  speaker: string;
  speaker_kind: string;
  text: string;
  id: string;
  title: string;
  weight: number;
  also?: string[];
}

const toPerson = (r: PersonDbRow): PersonRow => ({
  num: r.num,
  name: r.name,
  kind: r.kind as SpeakerKind,
  aliases: r.aliases,
  quotes: r.quotes,
});
const toQuote = (r: QuoteDbRow): StoredQuote => ({
  speaker: r.speaker,
  speakerKind: r.speaker_kind as SpeakerKind,
  text: r.text,
  articleId: r.id,
  articleTitle: r.title,
  weight: r.weight,
  also: r.also ?? [],
});

/**
 * Stories among at most `$3` matching articles. When the query without its phrases (`$2`,
 * `renderPlainTsquery`) already matches `$3` articles, those are counted (the GIN index
 * alone answers it); else the whole query (`$1`), whose scan reads each document it finds
 * when it holds a phrase. Either way `$3` matching articles, or all of them.
 */
const COUNT_MATCHES = `
  WITH plain AS MATERIALIZED (SELECT article_num FROM search_docs WHERE doc @@ $2::tsquery LIMIT $3),
  enough AS (SELECT count(*) >= $3 AS yes FROM plain),
  found AS (
    SELECT article_num FROM plain WHERE (SELECT yes FROM enough)
    UNION ALL
    (SELECT article_num FROM search_docs WHERE doc @@ $1::tsquery AND NOT (SELECT yes FROM enough) LIMIT $3)
  )
  SELECT count(DISTINCT coalesce(a.story, a.num))::int AS n FROM found h JOIN articles a ON a.num = h.article_num`;

const SINCE = `
  WITH fresh AS (SELECT num, coalesce(story, num) AS story, indexed_at FROM articles WHERE indexed_at > $1),
  stories AS (
    SELECT story, max(indexed_at) AS at, max(num) AS newest, bool_or(num = story) AS rep_fresh FROM fresh GROUP BY story
    ORDER BY at DESC, newest DESC LIMIT $2
  )
  SELECT ${ARTICLE_COLUMNS}, ${ALSO_OF('st.story', 'a.num')}
  FROM stories st JOIN articles a ON a.num = CASE WHEN st.rep_fresh THEN st.story ELSE st.newest END
  ORDER BY st.at DESC, st.newest DESC`;

// One row per distinct text of the person (its first indexed copy); the other articles saying it in `also`.
const QUOTES_OF = `
  WITH mine AS (SELECT num, text, article_num FROM quotes WHERE person_num = $1),
  firsts AS (SELECT min(num) AS num FROM mine GROUP BY text)
  SELECT q.speaker, q.speaker_kind, q.text, a.id, a.title, q.weight,
    array(SELECT d.id FROM (SELECT DISTINCT a2.num, a2.id FROM mine m2 JOIN articles a2 ON a2.num = m2.article_num
      WHERE m2.text = q.text AND m2.article_num <> q.article_num) d ORDER BY d.num) AS also
  FROM firsts f JOIN quotes q ON q.num = f.num JOIN articles a ON a.num = q.article_num
  ORDER BY a.sort_date DESC NULLS LAST, a.num, q.num LIMIT $2 OFFSET $3`;

/**
 * The read side of the index over PostgreSQL (give it a session over the read pool, see
 * `READ_SETTINGS`): the same answers as the SQLite adapter
 * (`../create-sqlite-article-index.ts`), statement for statement, with full-text search
 * over the `search_docs` GIN index (see `searchSql` for how it ranks, and where that may differ).
 */
export function createPostgresArticleIndex(session: PgSession): ArticleIndex {
  const { rows, one } = session;
  /** The search statements built so far, by prepared-statement name (one per shape and number of terms). */
  const statements = new Map<string, string>();
  return {
    async matchingAmong(query, ids) {
      const tsquery = renderTsquery(query);
      const unique = [...new Set(ids)];
      if (!tsquery || unique.length === 0) return new Set();
      const found = await rows<{ id: string }>(
        'SELECT a.id FROM articles a JOIN search_docs d ON d.article_num = a.num WHERE a.id = ANY($1::text[]) AND d.doc @@ $2::tsquery',
        [unique, tsquery],
      );
      return new Set(found.map((r) => r.id));
    },
    async nameVariants(keys, limit) {
      const out = new Map<string, string[]>();
      const unique = [...new Set(keys)];
      if (unique.length === 0) return out;
      const found = await rows<{ key: string; word: string }>(
        'SELECT key, word FROM name_keys WHERE key = ANY($1::text[]) ORDER BY key, word',
        [unique],
      );
      for (const row of found) {
        const list = out.get(row.key) ?? [];
        if (list.length < limit) list.push(row.word);
        out.set(row.key, list);
      }
      return out;
    },
    async search(query, limit, offset) {
      const tsquery = renderTsquery(query);
      if (!tsquery) return [];
      const parts = rankParts(query);
      const terms = queryTerms(query).length;
      const shape = decomposes(query) ? 'decomposed' : 'matched';
      const name = `nashra_search_${shape}_${terms}`;
      const sql = statements.get(name) ?? searchSql(terms, shape);
      statements.set(name, sql);
      // As on SQLite: read HITS_PER_STORY matches per story wanted, four times as many when copies used them up.
      for (let cap = (offset + limit) * HITS_PER_STORY + 16; ; cap *= 4) {
        const params = [
          parts.map((p) => p.term),
          parts.map((p) => p.part),
          parts.map((p) => p.tsquery),
          PART_SET_WEIGHTS,
          cap,
          limit,
          offset,
          ...(shape === 'matched' ? [tsquery] : []),
        ];
        const found = await rows<SearchHit & { hits: number }>(sql, params, name);
        if (found.length >= limit || (found[0]?.hits ?? 0) < cap) return found.map(({ hits: _hits, ...r }) => r);
        if (found.length === 0 && cap > (offset + limit) * HITS_PER_STORY * 64) return [];
      }
    },
    async countMatches(query, cap) {
      const tsquery = renderTsquery(query);
      if (!tsquery) return 0;
      const plain = renderPlainTsquery(query);
      const [r] = await rows<{ n: number }>(COUNT_MATCHES, [tsquery, plain ?? tsquery, cap], 'nashra_count_matches');
      return r!.n;
    },
    getArticle: (id) => one<ArticleSummaryRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [id]),
    async storyOthers(id) {
      const found = await rows<{ id: string }>(
        'SELECT o.id FROM articles a JOIN articles o ON o.story = a.story AND o.num <> a.num WHERE a.id = $1 ORDER BY o.num',
        [id],
      );
      return found.map((r) => r.id);
    },
    async getSentences(id) {
      const row = await one<{ body: string; spans: [number, number, number, number?][] }>(
        'SELECT body, sentence_spans AS spans FROM articles WHERE id = $1',
        [id],
      );
      if (!row) return [];
      return row.spans.map(([start, end, score, summarizable]) => ({
        text: row.body.slice(start, end),
        score,
        summarizable: summarizable !== 0,
      }));
    },
    latest: (limit, offset) =>
      rows<ArticleSummaryRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY ${NEWEST_FIRST} LIMIT $1 OFFSET $2`, [
        limit,
        offset,
      ]),
    countArticles: async () => (await one<{ n: number }>('SELECT count(*)::int AS n FROM articles'))!.n,
    indexedSince: (since, limit) => rows(SINCE, [since ?? '', limit]),
    async findPeopleByKeys(keys) {
      if (keys.length === 0) return [];
      const found = await rows<PersonDbRow & { key: string }>(
        `SELECT ${PERSON_COLUMNS}, k.key FROM person_keys k JOIN people p ON p.num = k.person_num
         WHERE k.key = ANY($1::text[]) ORDER BY k.key, k.person_num`,
        [[...new Set(keys)]],
      );
      const byPerson = new Map<number, PersonKeyHit & { matchedKeys: string[] }>();
      for (const r of found) {
        const hit = byPerson.get(r.num) ?? { ...toPerson(r), matchedKeys: [] };
        hit.matchedKeys.push(r.key);
        byPerson.set(r.num, hit);
      }
      return [...byPerson.values()];
    },
    people: async (limit, offset) =>
      (
        await rows<PersonDbRow>(
          `SELECT ${PERSON_COLUMNS} FROM people p ORDER BY p.quotes DESC, p.num LIMIT $1 OFFSET $2`,
          [limit, offset],
        )
      ).map(toPerson),
    countPeople: async () => (await one<{ n: number }>('SELECT count(*)::int AS n FROM people'))!.n,
    async peopleByNamePrefix(prefix, limit) {
      const word = normalizeArabic(prefix).trim().split(/\s+/)[0] ?? '';
      if (word === '') return [];
      const pattern = `% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const found = await rows<PersonDbRow>(
        `SELECT ${PERSON_COLUMNS} FROM people p WHERE p.search LIKE $1 ESCAPE '\\' ORDER BY p.quotes DESC, p.num LIMIT $2`,
        [pattern, limit],
      );
      return found.map(toPerson);
    },
    quotesOf: async (personNum, limit, offset) =>
      (await rows<QuoteDbRow>(QUOTES_OF, [personNum, limit, offset])).map(toQuote),
    async topQuote(articleId) {
      const row = await one<QuoteDbRow>(
        `SELECT q.speaker, q.speaker_kind, q.text, a.id, a.title, q.weight
         FROM quotes q JOIN articles a ON a.num = q.article_num WHERE a.id = $1
         ORDER BY (q.speaker_kind = 'person') DESC, (length(q.text) >= 40) DESC, q.weight DESC, q.num LIMIT 1`,
        [articleId],
      );
      return row ? { ...toQuote(row), also: [] } : null;
    },
  };
}
