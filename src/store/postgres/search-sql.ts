import { PART_ORDER } from './render-tsquery.js';

/** Bits of a term in an article's part mask: one per part of the document. */
const BITS_PER_TERM = PART_ORDER.length;
/** The bits of one term, before shifting. */
const TERM_BITS = (1 << BITS_PER_TERM) - 1;

/** Which statement a search runs: every term must match in one part (`decomposes`), or the whole query is matched. */
export type SearchShape = 'decomposed' | 'matched';

const ARTICLE_COLUMNS = 'a.id, a.title, a.date, a.source, a.url';

/** The parts term `t` was found in, as a 0..15 mask (an index into `$4`, `PART_SET_WEIGHTS`, minus one). */
const nibble = (t: number) => `((m >> ${t * BITS_PER_TERM}) & ${TERM_BITS})`;

/**
 * The search statement for a query of `terms` terms (at most 8: they fit a bigint mask).
 *
 * One row per story, ranked by its best-matching article, as on SQLite. The rank is a
 * bm25-like sum computed from the GIN index alone: for each term of the query and each
 * part of the document (title words, title stems, body words, body stems), the articles
 * having the term there earn the part's bm25 column weight times the term's IDF (rarer
 * terms count more); ties go to the shorter article, then the older row.
 *
 * How: each lookup (`rankParts`: a term in a part) is one GIN scan; the articles found are
 * aggregated once, into a mask of the parts each term was found in (4 bits per term), from
 * which the statement reads which terms an article has, each term's document frequency
 * (the articles with its bits set) and the rank. One aggregation over the lookups' rows,
 * where a rank summed per (article, term) then per article took three and a sort.
 *
 * Where PostgreSQL can rank differently from SQLite (the matches are always the same):
 * FTS5's bm25 also counts how often a term occurs (saturating) and normalizes by each
 * column's length against the average, where this rank counts each part once and breaks
 * ties by length. So among articles that all have a term in their title, or all only in
 * their body, the order may differ; an article with the term in its title ranks above
 * one with it only in its body on both engines.
 *
 * Parameters: $1, $2, $3 the lookups (term, part, tsquery), $4 the rank of each set of
 * parts (`PART_SET_WEIGHTS`), $5 matches read at most, $6 and $7 the page of stories; for
 * `matched`, $8 the whole query as a `tsquery`.
 */
export function searchSql(terms: number, shape: SearchShape): string {
  const ts = Array.from({ length: terms }, (_, t) => t);
  const lookups = `
    masks AS MATERIALIZED (
      SELECT s.article_num, max(s.words) AS words, bit_or(1::bigint << (p.part + ${BITS_PER_TERM} * p.term)) AS m
      FROM unnest($1::int[], $2::int[], $3::text[]) AS p(term, part, q)
      CROSS JOIN LATERAL (SELECT d.article_num, d.words FROM search_docs d WHERE d.doc @@ p.q::tsquery) s
      GROUP BY s.article_num
    )`;
  // One term: its IDF is the same for every article, so the rank is the weight of its parts.
  const rank =
    terms === 1
      ? `($4::float8[])[${nibble(0)} + 1]`
      : ts.map((t) => `idf.i${t} * ($4::float8[])[${nibble(t)} + 1]`).join(' + ');
  const idf =
    terms === 1
      ? ''
      : `,
    -- the planner's row count (kept fresh by the ANALYZE after each index run): exact enough for an IDF
    total AS (SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'search_docs'::regclass),
    df AS (SELECT ${ts.map((t) => `count(*) FILTER (WHERE ${nibble(t)} <> 0)::float8 AS d${t}`).join(', ')} FROM masks),
    idf AS (
      SELECT ${ts.map((t) => `ln(1 + (greatest(total.n, df.d${t}) - df.d${t} + 0.5) / (df.d${t} + 0.5)) AS i${t}`).join(', ')}
      FROM df, total
    )`;
  const from = terms === 1 ? 'masks' : 'masks, idf';
  const hits =
    shape === 'decomposed' && terms === 1
      ? BY_TITLE_OR_ALL(rank)
      : shape === 'decomposed'
        ? `
    hits AS (
      SELECT article_num AS num, ${rank} AS rank, words FROM ${from}
      WHERE ${ts.map((t) => `${nibble(t)} <> 0`).join(' AND ')}
      ORDER BY 2 DESC, words, article_num LIMIT $5
    )`
        : `
    matched AS MATERIALIZED (SELECT article_num, words FROM search_docs WHERE doc @@ $8::tsquery),
    hits AS (
      SELECT mt.article_num AS num, coalesce(${rank}, 0) AS rank, mt.words
      FROM matched mt LEFT JOIN masks USING (article_num)${terms === 1 ? '' : ' CROSS JOIN idf'}
      ORDER BY 2 DESC, mt.words, mt.article_num LIMIT $5
    )`;
  return `WITH ${lookups}${idf},${hits},
    best AS (
      SELECT coalesce(x.story, h.num) AS story, max(h.rank) AS rank, min(h.words) AS words
      FROM hits h JOIN articles x ON x.num = h.num
      GROUP BY 1 ORDER BY 2 DESC, 3, 1 LIMIT $6 OFFSET $7
    )
    SELECT ${ARTICLE_COLUMNS}, round(best.rank::numeric, 4)::float8 AS score, (SELECT count(*) FROM hits)::int AS hits,
      array(SELECT o.id FROM articles o WHERE o.story = best.story AND o.num <> best.story ORDER BY o.num) AS also
    FROM best JOIN articles a ON a.num = best.story ORDER BY best.rank DESC, best.words, best.story`;
}

/**
 * The hits of a one-term search: from the articles having the term in their title when at
 * least `$5` (the matches wanted) do, else from every article found (`masks`, only then
 * computed: a CTE no branch reads is never run). The same rows either way, without
 * reading every article that has a common word in its body.
 *
 * Why it is exact: a term in the title words earns 1, in the title stems 0.625, in both
 * 1.625, and the body adds at most 0.325 (0.2 + 0.125), so every title level outranks the
 * next whatever the bodies hold, and any article with the term in its title outranks every
 * article with it only in its body. So the best title levels holding `$5` articles are the
 * hits, and only their documents are read (once each) for the body parts.
 */
const BY_TITLE_OR_ALL = (rank: string) => `
    title AS MATERIALIZED (
      SELECT s.article_num, max(s.words) AS words, bit_or(1 << p.part) AS m
      FROM unnest($2::int[], $3::text[]) AS p(part, q)
      CROSS JOIN LATERAL (SELECT d.article_num, d.words FROM search_docs d WHERE d.doc @@ p.q::tsquery) s
      WHERE p.part < 2 GROUP BY s.article_num
    ),
    by_title AS (SELECT count(*) >= $5 AS enough FROM title),
    levels AS (SELECT m, count(*) AS n FROM title GROUP BY m),
    wanted AS (
      SELECT m FROM (SELECT m, sum(n) OVER (ORDER BY ($4::float8[])[m + 1] DESC) - n AS before FROM levels) l
      WHERE before < $5
    ),
    titled AS (
      SELECT t.article_num, t.words, t.m | coalesce((
        SELECT bit_or(1 << p.part) FROM unnest($2::int[], $3::text[]) AS p(part, q) WHERE p.part >= 2 AND x.v @@ p.q::tsquery
      ), 0) AS m
      FROM title t JOIN search_docs d ON d.article_num = t.article_num
      -- the document read once (|| copies it out of storage): each body lookup then tests it in memory
      CROSS JOIN LATERAL (SELECT d.doc || ''::tsvector AS v OFFSET 0) x
      WHERE t.m IN (SELECT m FROM wanted)
    ),
    hits AS (
      (SELECT article_num AS num, ($4::float8[])[m + 1] AS rank, words FROM titled WHERE (SELECT enough FROM by_title)
       ORDER BY 2 DESC, words, article_num LIMIT $5)
      UNION ALL
      (SELECT article_num AS num, ${rank} AS rank, words FROM masks WHERE NOT (SELECT enough FROM by_title)
       ORDER BY 2 DESC, words, article_num LIMIT $5)
    )`;
