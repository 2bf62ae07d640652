import type { AnalyzedArticle } from '../core/analysis/analyze-article.js';
import type { Person } from '../core/people/person.js';
import type { SkippedEntry } from '../core/ports/corpus-source.js';
import type { IndexWriter, KnownUnit } from '../core/ports/index-writer.js';
import type { Speaker, SpeakerKind } from '../core/quotes/quote.js';
import { normalizeArabic } from '../core/text/normalize-arabic.js';
import type { Db } from './open-database.js';
import { crashPointFromEnv } from './crash-point.js';
import { createMultiRowInsert } from './multi-row-insert.js';
import { runSqliteTransaction } from './run-sqlite-transaction.js';
import { toSortDate } from './sort-date.js';
import { bandKeys } from '../core/stories/band-keys.js';
import { decodeSignature, encodeSignature } from './story-signature-blob.js';

/**
 * Sentence spans as compact JSON: [[start, end, score, summarizable], …], scores to 4
 * decimals, summarizable as 1/0 (rows written before it existed have three fields).
 */
function encodeSpans(sentences: AnalyzedArticle['sentences']): string {
  return JSON.stringify(
    sentences.map((x) => [x.start, x.end, Math.round(x.score * 1e4) / 1e4, x.summarizable ? 1 : 0]),
  );
}

/**
 * SQLite page cache while an index run writes, in KiB (the default is 2,000). Full-text
 * segment merges and name-word inserts touch pages all over a 150 MB file; with the default
 * cache they were read back and spilled again and again. 16 MB, not more: peak RSS while
 * indexing 20,000 articles reached 591 MB (target 600) with 32 MB. Given back when the run ends.
 */
export const WRITE_CACHE_KIB = 16_384;

/** Name words per insert statement (see `createMultiRowInsert`): ~176,000 words for 20,000 articles. */
export const NAME_WORDS_PER_INSERT = 64;

/** Clock for `indexed_at`; injected so digests of "new" articles can be tested. */
export type Now = () => Date;

/** The index writer over SQLite. All statements are prepared once. */
export function createSqliteIndexWriter(db: Db, now: Now = () => new Date()): IndexWriter {
  const s = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    units: db.prepare<[], { origin: string; stamp: string; skipped: string }>(
      'SELECT origin, stamp, skipped FROM units',
    ),
    // Feed articles (origin 'feed:…', see create-sqlite-feed-store.ts) belong to no corpus unit: a rescan never removes them.
    unitArticles: db.prepare<[], { origin: string; id: string; hash: string }>(
      "SELECT origin, id, hash FROM articles WHERE substr(origin, 1, 5) <> 'feed:'",
    ),
    saveUnit: db.prepare(
      'INSERT INTO units (origin, stamp, skipped) VALUES (?, ?, ?) ON CONFLICT(origin) DO UPDATE SET stamp = excluded.stamp, skipped = excluded.skipped',
    ),
    deleteUnit: db.prepare('DELETE FROM units WHERE origin = ?'),
    findArticle: db.prepare<[string], { num: number; indexed_at: string }>(
      'SELECT num, indexed_at FROM articles WHERE id = ?',
    ),
    findTombstone: db.prepare<[string], { indexed_at: string }>(
      'SELECT indexed_at FROM article_tombstones WHERE id = ?',
    ),
    saveTombstone:
      db.prepare(`INSERT INTO article_tombstones (id, indexed_at, removed_at) SELECT id, indexed_at, ? FROM articles WHERE num = ?
      ON CONFLICT(id) DO UPDATE SET removed_at = excluded.removed_at`),
    dropTombstone: db.prepare('DELETE FROM article_tombstones WHERE id = ?'),
    insertArticle:
      db.prepare(`INSERT INTO articles (num, id, origin, hash, title, date, sort_date, source, url, words, indexed_at, body, sentence_spans)
      VALUES (@num, @id, @origin, @hash, @title, @date, @sortDate, @source, @url, @words, @indexedAt, @body, @spans)`),
    deleteArticleRow: db.prepare('DELETE FROM articles WHERE num = ?'),
    setOrigin: db.prepare('UPDATE articles SET origin = ? WHERE id = ?'),
    insertFts: db.prepare(
      'INSERT INTO article_fts (rowid, title_words, title_stems, body_words, body_stems) VALUES (?, ?, ?, ?, ?)',
    ),
    nameWords: db.prepare<[], { word: string }>('SELECT word FROM name_keys'),
    deleteFts: db.prepare('DELETE FROM article_fts WHERE rowid = ?'),
    insertQuote:
      db.prepare(`INSERT INTO quotes (article_num, sentence_idx, speaker, speaker_kind, speaker_description, speaker_aliases, text, weight)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    deleteQuotes: db.prepare('DELETE FROM quotes WHERE article_num = ?'),
    allSpeakers: db.prepare<
      [],
      {
        num: number;
        speaker: string;
        speaker_kind: string;
        speaker_description: string | null;
        speaker_aliases: string;
      }
    >('SELECT num, speaker, speaker_kind, speaker_description, speaker_aliases FROM quotes ORDER BY num'),
    clearPeople: db.prepare('DELETE FROM people'),
    clearKeys: db.prepare('DELETE FROM person_keys'),
    insertPerson: db.prepare('INSERT INTO people (num, name, kind, aliases, quotes, search) VALUES (?, ?, ?, ?, ?, ?)'),
    insertKey: db.prepare('INSERT OR IGNORE INTO person_keys (key, person_num) VALUES (?, ?)'),
    linkQuote: db.prepare('UPDATE quotes SET person_num = ? WHERE num = ?'),
    unlinkQuotes: db.prepare('UPDATE quotes SET person_num = NULL'),
    countDistinctQuotes: db.prepare(
      'UPDATE people SET quotes = (SELECT count(DISTINCT text) FROM quotes WHERE person_num = people.num)',
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
    // Story grouping: a changed or removed article leaves its story, whose other members are then owed a regrouping.
    reopenStory: db.prepare(
      'UPDATE articles SET story = NULL WHERE story = (SELECT story FROM articles WHERE num = ?)',
    ),
    getSignature: db.prepare<[number], { signature: Buffer }>(
      'SELECT signature FROM story_signatures WHERE article_num = ?',
    ),
    insertSignature: db.prepare('INSERT INTO story_signatures (article_num, signature) VALUES (?, ?)'),
    deleteSignature: db.prepare('DELETE FROM story_signatures WHERE article_num = ?'),
    deleteBand: db.prepare('DELETE FROM story_bands WHERE band_key = ? AND article_num = ?'),
    nextNum: db.prepare<[], { n: number }>('SELECT coalesce(max(num), 0) + 1 AS n FROM articles'),
  };

  /**
   * Words already in name_keys, loaded on the first write of a run and dropped by
   * `endRun`: checking a Set is what keeps the vocabulary from costing an insert per word.
   */
  let knownNameWords: Set<string> | null = null;
  /** The connection's page cache size before a run enlarged it (see `WRITE_CACHE_KIB`). */
  let defaultCacheSize: number | null = null;
  const crash = crashPointFromEnv();

  const insertNameKeys = createMultiRowInsert(db, 'name_keys', ['key', 'word'], NAME_WORDS_PER_INSERT);

  /** Records the name words not yet known. */
  function insertNameWords(pairs: AnalyzedArticle['nameWords']): void {
    if (!knownNameWords) {
      knownNameWords = new Set(s.nameWords.all().map((r) => r.word));
      defaultCacheSize ??= db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = -${WRITE_CACHE_KIB}`);
    }
    const keys: string[] = [];
    const words: string[] = [];
    for (const [word, key] of pairs) {
      if (knownNameWords.has(word)) continue;
      knownNameWords.add(word);
      keys.push(key);
      words.push(word);
    }
    insertNameKeys(keys, words);
  }

  function removeDerived(num: number): void {
    s.reopenStory.run(num);
    const stored = s.getSignature.get(num);
    if (stored) {
      for (const key of bandKeys(decodeSignature(stored.signature))) s.deleteBand.run(key, num);
      s.deleteSignature.run(num);
    }
    s.deleteFts.run(num);
    s.deleteQuotes.run(num);
    s.deleteArticleRow.run(num);
  }

  return {
    analyzerVersion: async () => Number(s.getMeta.get('analyzer_version')?.value ?? 0),
    setAnalyzerVersion: async (version) => void s.setMeta.run('analyzer_version', String(version)),

    async knownUnits() {
      const units = new Map<string, KnownUnit & { articles: Map<string, string> }>();
      for (const u of s.units.all())
        units.set(u.origin, { stamp: u.stamp, articles: new Map(), skipped: JSON.parse(u.skipped) as SkippedEntry[] });
      for (const a of s.unitArticles.iterate()) {
        let unit = units.get(a.origin);
        if (!unit) {
          unit = { stamp: '', articles: new Map(), skipped: [] }; // a crash between article and unit writes
          units.set(a.origin, unit);
        }
        unit.articles.set(a.id, a.hash);
      }
      return units;
    },
    derivedPending: async () => s.getMeta.get('derived_pending')?.value === '1',
    setDerivedPending: async (pending) => void s.setMeta.run('derived_pending', pending ? '1' : '0'),
    saveUnit: async (origin, stamp, skipped) => void s.saveUnit.run(origin, stamp, JSON.stringify(skipped)),
    deleteUnit: async (origin) => void s.deleteUnit.run(origin),

    async upsertArticle(origin, hash, analyzed: AnalyzedArticle) {
      const { article } = analyzed;
      const existing = s.findArticle.get(article.id);
      // A changed article keeps its first indexed_at: editing a story is not news again,
      // nor is restoring one whose file was gone for a while.
      const tombstone = existing ? undefined : s.findTombstone.get(article.id);
      const indexedAt = existing?.indexed_at ?? tombstone?.indexed_at ?? now().toISOString();
      if (tombstone) s.dropTombstone.run(article.id);
      if (existing) removeDerived(existing.num);
      const num = existing?.num ?? s.nextNum.get()!.n;
      s.insertArticle.run({
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
        indexedAt,
        body: article.body,
        spans: encodeSpans(analyzed.sentences),
      });
      const t = analyzed.titleIndex;
      const b = analyzed.bodyIndex;
      s.insertFts.run(num, t.words, t.stems, b.words, b.stems);
      insertNameWords(analyzed.nameWords);
      if (analyzed.storySignature) {
        // Its band keys are recorded by story grouping, which settles this article's story (see `StoryStore`).
        s.insertSignature.run(num, encodeSignature(analyzed.storySignature));
      }
      for (const q of analyzed.quotes) {
        const sp = q.speaker;
        const weight = analyzed.sentences[q.sentenceIndex]?.score ?? 0;
        s.insertQuote.run(
          num,
          q.sentenceIndex,
          sp.name,
          sp.kind,
          sp.description,
          JSON.stringify(sp.aliases),
          q.text,
          weight,
        );
      }
    },
    setArticleOrigin: async (id, origin) => void s.setOrigin.run(origin, id),
    async deleteArticle(id) {
      const existing = s.findArticle.get(id);
      if (!existing) return false;
      s.saveTombstone.run(now().toISOString(), existing.num);
      removeDerived(existing.num);
      return true;
    },
    articleCount: async () => s.count.get()!.n,

    async allSpeakers() {
      return s.allSpeakers.all().map((r) => ({
        quoteNum: r.num,
        speaker: {
          name: r.speaker,
          kind: r.speaker_kind as SpeakerKind,
          description: r.speaker_description,
          aliases: JSON.parse(r.speaker_aliases) as string[],
        } satisfies Speaker,
      }));
    },
    async replacePeople(people: readonly Person[], personOfQuote) {
      s.clearPeople.run();
      s.clearKeys.run();
      s.unlinkQuotes.run();
      const counts = new Array<number>(people.length).fill(0);
      for (const p of personOfQuote.values()) counts[p] = (counts[p] ?? 0) + 1;
      people.forEach((p, i) => {
        const search = ` ${normalizeArabic([p.name, ...p.aliases].join(' ')).replace(/\s+/g, ' ')} `;
        s.insertPerson.run(i + 1, p.name, p.kind, JSON.stringify(p.aliases), counts[i], search);
        for (const key of p.keys) s.insertKey.run(key, i + 1);
      });
      for (const [quoteNum, p] of personOfQuote) s.linkQuote.run(p + 1, quoteNum);
      // Quotes count once however many copies of a story carry the same words.
      s.countDistinctQuotes.run();
    },
    transaction: (fn) => runSqliteTransaction(db, fn, crash),
    async endRun() {
      if (defaultCacheSize !== null) db.pragma(`cache_size = ${defaultCacheSize}`);
      knownNameWords = null;
    },
  };
}
