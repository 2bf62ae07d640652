/**
 * PostgreSQL schema migrations, versioned apart from SQLite's (`../migrations.ts`): the two
 * engines hold the same tables, but their histories are their own. `nashra_schema` records
 * each version applied. Never edit a shipped migration: add the next one.
 *
 * Text that is compared or sorted (ids, ISO-8601 instants, slots) is `COLLATE "C"`, so it
 * orders byte by byte as in SQLite whatever the database's default collation is.
 */
export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description:
      'the whole schema of SQLite v7: articles and their analysis, search, quotes, people, stories, users data',
    sql: `
      CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL);

      CREATE TABLE units (
        origin text COLLATE "C" PRIMARY KEY,
        stamp text NOT NULL,
        skipped jsonb NOT NULL DEFAULT '[]'
      );

      CREATE TABLE articles (
        num bigint PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        origin text COLLATE "C" NOT NULL,
        hash text NOT NULL,
        title text NOT NULL,
        date text,
        sort_date text COLLATE "C",
        source text,
        url text,
        words integer NOT NULL,
        indexed_at text COLLATE "C" NOT NULL,
        body text NOT NULL,
        -- [[start, end, score, summarizable], …]: sentences as UTF-16 offsets into body, with summary scores
        sentence_spans jsonb NOT NULL,
        -- the story's representative num; NULL while its grouping is owed
        story bigint
      );
      CREATE INDEX articles_origin ON articles (origin);
      CREATE INDEX articles_latest ON articles (sort_date DESC NULLS LAST, indexed_at DESC, num DESC);
      CREATE INDEX articles_indexed ON articles (indexed_at, num);
      CREATE INDEX articles_story ON articles (story);
      CREATE INDEX articles_story_pending ON articles (num) WHERE story IS NULL;

      -- Sentences as rows, for ad-hoc SQL (substr counts code points, which equal UTF-16
      -- units for the Arabic and Latin of news text).
      CREATE VIEW sentences AS
        SELECT a.num AS article_num, (j.idx - 1)::int AS idx,
               substr(a.body, (j.span->>0)::int + 1, (j.span->>1)::int - (j.span->>0)::int) AS text,
               (j.span->>2)::float8 AS score
        FROM articles a, jsonb_array_elements(a.sentence_spans) WITH ORDINALITY AS j(span, idx);

      -- The search document: nashra's own tokens, title words, title stems, body words and
      -- body stems each in a lexeme namespace (see build-search-document.ts), and the
      -- article's length in words (ties: the shorter first). Kept apart from articles so a
      -- search reads narrow rows; the document itself is only read for phrases.
      CREATE TABLE search_docs (
        article_num bigint PRIMARY KEY REFERENCES articles (num) ON DELETE CASCADE,
        words integer NOT NULL,
        doc tsvector NOT NULL
      );
      CREATE INDEX search_docs_doc ON search_docs USING gin (doc);

      CREATE TABLE name_keys (
        key text COLLATE "C" NOT NULL,
        word text COLLATE "C" NOT NULL,
        PRIMARY KEY (key, word)
      );

      CREATE TABLE quotes (
        -- assigned by the index writer in article order: the first copy of a quote has the lowest
        num bigint PRIMARY KEY,
        article_num bigint NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
        sentence_idx integer NOT NULL,
        speaker text NOT NULL,
        speaker_kind text NOT NULL,
        speaker_description text,
        speaker_aliases jsonb NOT NULL DEFAULT '[]',
        text text NOT NULL,
        weight double precision NOT NULL DEFAULT 0,
        person_num bigint
      );
      CREATE INDEX quotes_article ON quotes (article_num);
      CREATE INDEX quotes_person ON quotes (person_num, num);

      CREATE TABLE people (
        num bigint PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        aliases jsonb NOT NULL DEFAULT '[]',
        quotes integer NOT NULL DEFAULT 0,
        -- ' name alias … ' normalized, for word-prefix lookups (autocomplete)
        search text NOT NULL DEFAULT ''
      );
      CREATE INDEX people_quotes ON people (quotes DESC, num);

      CREATE TABLE person_keys (
        key text COLLATE "C" NOT NULL,
        person_num bigint NOT NULL,
        PRIMARY KEY (key, person_num)
      );

      CREATE TABLE story_signatures (
        article_num bigint PRIMARY KEY REFERENCES articles (num) ON DELETE CASCADE,
        -- MinHash signature: little-endian uint32 values
        signature bytea NOT NULL
      );
      CREATE TABLE story_bands (
        band_key bigint NOT NULL,
        article_num bigint NOT NULL REFERENCES articles (num) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_num)
      );
      CREATE INDEX story_bands_article ON story_bands (article_num);

      CREATE TABLE article_tombstones (
        id text COLLATE "C" PRIMARY KEY,
        indexed_at text COLLATE "C" NOT NULL,
        removed_at text COLLATE "C" NOT NULL
      );

      CREATE TABLE subscriptions (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        platform text COLLATE "C" NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        schedule text NOT NULL,
        timezone text NOT NULL,
        locale text NOT NULL,
        when_empty text NOT NULL DEFAULT 'skip' CHECK (when_empty IN ('skip', 'note')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'cancelled')),
        created_by text NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        scheduled_since text COLLATE "C" NOT NULL,
        since text COLLATE "C" NOT NULL,
        welcome boolean NOT NULL DEFAULT true,
        disabled_at text,
        disabled_reason text,
        topics jsonb NOT NULL DEFAULT '[]',
        UNIQUE (platform, chat_id)
      );
      CREATE INDEX subscriptions_status ON subscriptions (status);

      CREATE TABLE deliveries (
        subscription_id bigint NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot text COLLATE "C" NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed', 'gone')),
        claimed_at text NOT NULL,
        finished_at text,
        attempts integer NOT NULL DEFAULT 0,
        items integer NOT NULL DEFAULT 0,
        error text,
        PRIMARY KEY (subscription_id, slot)
      );

      CREATE TABLE subscription_articles (
        subscription_id bigint NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        article_id text COLLATE "C" NOT NULL,
        slot text COLLATE "C" NOT NULL,
        shown boolean NOT NULL,
        PRIMARY KEY (subscription_id, article_id)
      );

      CREATE TABLE handed_back_updates (
        platform text COLLATE "C" NOT NULL,
        update_id bigint NOT NULL,
        payload text NOT NULL,
        PRIMARY KEY (platform, update_id)
      );

      CREATE TABLE feeds (
        url text COLLATE "C" PRIMARY KEY,
        etag text,
        last_modified text,
        last_fetch text,
        status text CHECK (status IN ('ok', 'not-modified', 'error')),
        error text,
        failures integer NOT NULL DEFAULT 0,
        not_before text
      );
      CREATE TABLE feed_items (
        article_id text COLLATE "C" PRIMARY KEY,
        identity text NOT NULL,
        item_hash text NOT NULL,
        link text,
        full_text text NOT NULL CHECK (full_text IN ('feed', 'page', 'failed')),
        full_text_error text,
        first_seen text NOT NULL,
        last_seen text NOT NULL
      );
      CREATE TABLE feed_item_sources (
        feed_url text COLLATE "C" NOT NULL,
        article_id text COLLATE "C" NOT NULL,
        PRIMARY KEY (feed_url, article_id)
      );

      -- List states behind pager buttons: in the database so a button pressed on a message
      -- one instance sent works on another.
      CREATE TABLE pages (
        token text COLLATE "C" PRIMARY KEY,
        state jsonb NOT NULL,
        used_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pages_used ON pages (used_at);
    `,
  },
  {
    version: 2,
    description: 'update claims: chat updates being answered, so one delivered twice is answered once',
    sql: `
      CREATE TABLE update_claims (
        platform text COLLATE "C" NOT NULL,
        update_id bigint NOT NULL,
        -- when it was claimed, ms since the epoch; pruned after UPDATE_LEDGER_RETENTION_MS
        claimed_at bigint NOT NULL,
        PRIMARY KEY (platform, update_id)
      );
      CREATE INDEX update_claims_claimed_at ON update_claims (claimed_at);
    `,
  },
  {
    version: 3,
    description: 'leases: which instance long-polls Telegram or polls feeds, until when',
    sql: `
      -- Times are the database server's clock, so instances whose clocks differ agree.
      CREATE TABLE leases (
        name text COLLATE "C" PRIMARY KEY,
        -- the instance holding it (a random id per start)
        holder text COLLATE "C" NOT NULL,
        -- past it, anyone may take the lease
        expires_at timestamptz NOT NULL
      );
    `,
  },
];

/** The PostgreSQL schema version this build of nashra expects. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]!.version;
