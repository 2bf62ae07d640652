/**
 * Schema migrations, versioned in code. Each runs once, in order, in a transaction;
 * `PRAGMA user_version` records the last one applied. Never edit a shipped migration:
 * add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, sentences, full-text index, quotes, people',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      CREATE TABLE units (
        origin TEXT PRIMARY KEY,
        stamp TEXT NOT NULL,
        skipped TEXT NOT NULL DEFAULT '[]'
      ) WITHOUT ROWID;

      CREATE TABLE articles (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        hash TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        sort_date TEXT,
        source TEXT,
        url TEXT,
        words INTEGER NOT NULL,
        indexed_at TEXT NOT NULL,
        body TEXT NOT NULL,
        -- [[start, end, score], …]: sentences as UTF-16 offsets into body, with summary scores
        sentence_spans TEXT NOT NULL
      );
      CREATE INDEX articles_origin ON articles(origin);
      CREATE INDEX articles_latest ON articles(sort_date DESC, num DESC);
      CREATE INDEX articles_indexed ON articles(indexed_at, num);

      -- For people and ad-hoc SQL: sentences as rows (substr counts code points, which equal
      -- UTF-16 units for the Arabic and Latin of news text).
      CREATE VIEW sentences AS
        SELECT a.num AS article_num, CAST(j.key AS INTEGER) AS idx,
               substr(a.body, json_extract(j.value, '$[0]') + 1, json_extract(j.value, '$[1]') - json_extract(j.value, '$[0]')) AS text,
               json_extract(j.value, '$[2]') AS score
        FROM articles a, json_each(a.sentence_spans) j;

      CREATE VIRTUAL TABLE article_fts USING fts5(
        title_words, title_stems, body_words, body_stems,
        content = '', contentless_delete = 1,
        tokenize = 'ascii'
      );

      CREATE TABLE name_keys (
        key TEXT NOT NULL,
        word TEXT NOT NULL,
        PRIMARY KEY (key, word)
      ) WITHOUT ROWID;

      CREATE TABLE quotes (
        num INTEGER PRIMARY KEY,
        article_num INTEGER NOT NULL,
        sentence_idx INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        speaker_kind TEXT NOT NULL,
        speaker_description TEXT,
        speaker_aliases TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        -- summary score of the sentence holding the quote: how central it is to its article
        weight REAL NOT NULL DEFAULT 0,
        person_num INTEGER
      );
      CREATE INDEX quotes_article ON quotes(article_num);
      CREATE INDEX quotes_person ON quotes(person_num, num);

      CREATE TABLE people (
        num INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        quotes INTEGER NOT NULL DEFAULT 0,
        -- ' name alias … ' normalized, for word-prefix lookups (autocomplete)
        search TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX people_quotes ON people(quotes DESC, num);

      CREATE TABLE person_keys (
        key TEXT NOT NULL,
        person_num INTEGER NOT NULL,
        PRIMARY KEY (key, person_num)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'digest subscriptions, delivery log, articles each subscription received',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        schedule TEXT NOT NULL,
        timezone TEXT NOT NULL,
        locale TEXT NOT NULL,
        when_empty TEXT NOT NULL DEFAULT 'skip' CHECK (when_empty IN ('skip', 'note')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'cancelled')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        scheduled_since TEXT NOT NULL,
        since TEXT NOT NULL,
        welcome INTEGER NOT NULL DEFAULT 1,
        disabled_at TEXT,
        disabled_reason TEXT,
        UNIQUE (platform, chat_id)
      );
      CREATE INDEX subscriptions_status ON subscriptions(status);

      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed', 'gone')),
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        items INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        PRIMARY KEY (subscription_id, slot)
      ) WITHOUT ROWID;

      CREATE TABLE subscription_articles (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        shown INTEGER NOT NULL,
        PRIMARY KEY (subscription_id, article_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'tombstones: when a removed article was first indexed, so a restored one is not news again',
    sql: `
      CREATE TABLE article_tombstones (
        id TEXT PRIMARY KEY,
        indexed_at TEXT NOT NULL,
        removed_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: 'chat updates handed back by a graceful stop, answered after restart',
    sql: `
      CREATE TABLE handed_back_updates (
        platform TEXT NOT NULL,
        update_id INTEGER NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (platform, update_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    description: 'feeds: poll state, the items each feed carried, and how their full text was got',
    sql: `
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_fetch TEXT,
        status TEXT CHECK (status IN ('ok', 'not-modified', 'error')),
        error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        not_before TEXT
      ) WITHOUT ROWID;

      -- One row per feed article (its row in articles has origin 'feed:<first feed url>').
      CREATE TABLE feed_items (
        article_id TEXT PRIMARY KEY,
        identity TEXT NOT NULL,
        item_hash TEXT NOT NULL,
        link TEXT,
        full_text TEXT NOT NULL CHECK (full_text IN ('feed', 'page', 'failed')),
        full_text_error TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Which feeds carry which item: the same item in two feeds is one article.
      CREATE TABLE feed_item_sources (
        feed_url TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (feed_url, article_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    description: "stories: MinHash signatures, LSH band keys, each article's story (null while pending)",
    sql: `
      -- The story an article belongs to: the num of the story's representative; NULL while
      -- its grouping is owed (new, changed, or its story lost or gained a member).
      ALTER TABLE articles ADD COLUMN story INTEGER;
      CREATE INDEX articles_story ON articles(story);
      CREATE INDEX articles_story_pending ON articles(num) WHERE story IS NULL;

      CREATE TABLE story_signatures (
        article_num INTEGER PRIMARY KEY,
        -- MinHash signature: little-endian uint32 values
        signature BLOB NOT NULL
      );
      CREATE TABLE story_bands (
        band_key INTEGER NOT NULL,
        article_num INTEGER NOT NULL,
        PRIMARY KEY (band_key, article_num)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    description: 'topic digests: the topics a subscription narrows its digest to (JSON array, empty: everything)',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 8,
    description: 'update claims: chat updates being answered, so one delivered twice is answered once',
    sql: `
      CREATE TABLE update_claims (
        platform TEXT NOT NULL,
        update_id INTEGER NOT NULL,
        -- when it was claimed, ms since the epoch; pruned after UPDATE_LEDGER_RETENTION_MS
        claimed_at INTEGER NOT NULL,
        PRIMARY KEY (platform, update_id)
      ) WITHOUT ROWID;
      CREATE INDEX update_claims_claimed_at ON update_claims(claimed_at);
    `,
  },
  {
    version: 9,
    description: 'list pages: the lists behind pager buttons, shared by every process on the database',
    sql: `
      CREATE TABLE list_pages (
        token TEXT PRIMARY KEY,
        -- the PageState (command, arg, locale, ownerId) as JSON
        state TEXT NOT NULL,
        -- when the list was shown, ms since the epoch; pruned after PAGE_TTL_MS
        saved_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX list_pages_saved_at ON list_pages(saved_at);
    `,
  },
  {
    version: 10,
    description:
      'full-text index: pending terms held in memory up to 8 MB (one write batch) before a segment is written',
    sql: `
      -- FTS5 writes a new segment whenever its in-memory term table passes 'hashsize' (1 MB by
      -- default), and later merges the segments. One 512-article batch overflowed it several
      -- times; at 8 MB a batch makes one segment, which halved the time of full-text inserts.
      -- Only how the index is laid out changes, never what a query finds.
      INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 8388608);
    `,
  },
  {
    version: 11,
    description: 'leases: which process long-polls Telegram or polls feeds, until when',
    sql: `
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        -- the process holding it (a random id per start)
        holder TEXT NOT NULL,
        -- ms since the epoch; past it, anyone may take the lease
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

/** The schema version this build of nashra expects. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
