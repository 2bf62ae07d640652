import type { AnalyzedArticle } from '../../core/analysis/analyze-article.js';
import { bandKeys } from '../../core/stories/band-keys.js';
import { toSortDate } from '../sort-date.js';
import { encodeSignature } from '../story-signature-blob.js';
import { buildSearchDocument } from './build-search-document.js';
import type { PgSession } from './create-pg-session.js';

/** An article waiting in the writer's batch. */
export interface BatchedArticle {
  readonly origin: string;
  readonly hash: string;
  readonly analyzed: AnalyzedArticle;
}

/** Sentence spans as stored: [[start, end, score, summarizable], …], as in SQLite. */
function encodeSpans(sentences: AnalyzedArticle['sentences']): string {
  return JSON.stringify(
    sentences.map((x) => [x.start, x.end, Math.round(x.score * 1e4) / 1e4, x.summarizable ? 1 : 0]),
  );
}

/** Columns as arrays, one element per row: what `unnest` turns back into rows. */
function columns<K extends string>(names: readonly K[]): Record<K, unknown[]> {
  return Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
}

/**
 * Writes a batch of new or changed articles and everything derived from them with a
 * dozen statements, whatever the batch size: each table gets one multi-row
 * `INSERT … SELECT FROM unnest($1::type[], …)`, whose parameters are arrays (so no
 * bound-parameter limit, and one round trip per table instead of one per row). Runs
 * inside the caller's transaction. A changed article keeps its row number and its first
 * `indexed_at` (as does one restored from a tombstone), loses its old derived rows (by
 * cascade), and leaves its story, whose other members are then owed a regrouping.
 */
export async function writeArticleBatch(
  session: PgSession,
  batch: readonly BatchedArticle[],
  knownNameWords: Set<string>,
  nowIso: string,
): Promise<void> {
  if (batch.length === 0) return;
  const ids = batch.map((b) => b.analyzed.article.id);
  const existing = new Map(
    (
      await session.rows<{ id: string; num: number; indexed_at: string }>(
        'SELECT id, num, indexed_at FROM articles WHERE id = ANY($1::text[])',
        [ids],
      )
    ).map((r) => [r.id, r]),
  );
  const fresh = ids.filter((id) => !existing.has(id));
  const tombstones = new Map(
    (
      await session.rows<{ id: string; indexed_at: string }>(
        'DELETE FROM article_tombstones WHERE id = ANY($1::text[]) RETURNING id, indexed_at',
        [fresh],
      )
    ).map((r) => [r.id, r.indexed_at]),
  );
  const oldNums = [...existing.values()].map((r) => r.num);
  if (oldNums.length > 0) {
    await session.query(
      'UPDATE articles SET story = NULL WHERE story IN (SELECT story FROM articles WHERE num = ANY($1::bigint[]) AND story IS NOT NULL)',
      [oldNums],
    );
    await session.query('DELETE FROM articles WHERE num = ANY($1::bigint[])', [oldNums]);
  }
  // Nums freed above belong to their articles again; new ones come after every num in use.
  let nextNum = Math.max(
    (await session.one<{ n: number }>('SELECT coalesce(max(num), 0) + 1 AS n FROM articles'))!.n,
    ...oldNums.map((n) => n + 1),
  );
  let nextQuote = (await session.one<{ n: number }>('SELECT coalesce(max(num), 0) + 1 AS n FROM quotes'))!.n;

  const art = columns([
    'num',
    'id',
    'origin',
    'hash',
    'title',
    'date',
    'sortDate',
    'source',
    'url',
    'words',
    'indexedAt',
    'body',
    'spans',
  ] as const);
  const docs = columns(['num', 'words', 'doc'] as const);
  const names = columns(['key', 'word'] as const);
  const sigs = columns(['num', 'signature'] as const);
  const bands = columns(['key', 'num'] as const);
  const quotes = columns([
    'num',
    'article',
    'sentence',
    'speaker',
    'kind',
    'description',
    'aliases',
    'text',
    'weight',
  ] as const);

  for (const { origin, hash, analyzed } of batch) {
    const { article } = analyzed;
    const old = existing.get(article.id);
    const num = old?.num ?? nextNum++;
    const values: Record<keyof typeof art, unknown> = {
      num,
      id: article.id,
      origin,
      hash,
      title: article.title,
      date: article.date,
      sortDate: toSortDate(article.date),
      source: article.source,
      url: article.url,
      words: analyzed.words,
      indexedAt: old?.indexed_at ?? tombstones.get(article.id) ?? nowIso,
      body: article.body,
      spans: encodeSpans(analyzed.sentences),
    };
    for (const [k, v] of Object.entries(values)) art[k as keyof typeof art].push(v);
    docs.num.push(num);
    docs.words.push(analyzed.words);
    docs.doc.push(buildSearchDocument(analyzed.titleIndex, analyzed.bodyIndex));
    for (const [word, key] of analyzed.nameWords) {
      if (knownNameWords.has(word)) continue;
      knownNameWords.add(word);
      names.key.push(key);
      names.word.push(word);
    }
    if (analyzed.storySignature) {
      sigs.num.push(num);
      sigs.signature.push(encodeSignature(analyzed.storySignature));
      for (const key of new Set(bandKeys(analyzed.storySignature))) {
        bands.key.push(key);
        bands.num.push(num);
      }
    }
    for (const q of analyzed.quotes) {
      quotes.num.push(nextQuote++);
      quotes.article.push(num);
      quotes.sentence.push(q.sentenceIndex);
      quotes.speaker.push(q.speaker.name);
      quotes.kind.push(q.speaker.kind);
      quotes.description.push(q.speaker.description);
      quotes.aliases.push(JSON.stringify(q.speaker.aliases));
      quotes.text.push(q.text);
      quotes.weight.push(analyzed.sentences[q.sentenceIndex]?.score ?? 0);
    }
  }

  await session.query(
    `INSERT INTO articles (num, id, origin, hash, title, date, sort_date, source, url, words, indexed_at, body, sentence_spans)
     SELECT num, id, origin, hash, title, date, sort_date, source, url, words, indexed_at, body, spans::jsonb
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::int[], $11::text[], $12::text[], $13::text[])
       AS t(num, id, origin, hash, title, date, sort_date, source, url, words, indexed_at, body, spans)`,
    Object.values(art),
  );
  await session.query(
    'INSERT INTO search_docs (article_num, words, doc) SELECT n, w, d::tsvector FROM unnest($1::bigint[], $2::int[], $3::text[]) AS t(n, w, d)',
    [docs.num, docs.words, docs.doc],
  );
  if (names.key.length > 0)
    await session.query(
      'INSERT INTO name_keys (key, word) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [names.key, names.word],
    );
  if (sigs.num.length > 0) {
    await session.query(
      'INSERT INTO story_signatures (article_num, signature) SELECT * FROM unnest($1::bigint[], $2::bytea[])',
      [sigs.num, sigs.signature],
    );
    await session.query(
      'INSERT INTO story_bands (band_key, article_num) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING',
      [bands.key, bands.num],
    );
  }
  if (quotes.num.length > 0)
    await session.query(
      `INSERT INTO quotes (num, article_num, sentence_idx, speaker, speaker_kind, speaker_description, speaker_aliases, text, weight)
       SELECT num, article_num, sentence_idx, speaker, speaker_kind, speaker_description, speaker_aliases::jsonb, text, weight
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[])
         AS t(num, article_num, sentence_idx, speaker, speaker_kind, speaker_description, speaker_aliases, text, weight)`,
      Object.values(quotes),
    );
}
