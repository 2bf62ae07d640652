import type { StoryArticle, StoryStore } from '../../core/ports/story-store.js';
import { decodeSignature } from '../story-signature-blob.js';
import type { PgSession } from './create-pg-session.js';

interface StoryDbRow {
  num: number;
  signature: Buffer | null;
  story: number | null;
  words: number;
  since: string;
}

const COLUMNS = 'a.num, g.signature, a.story, a.words, coalesce(a.sort_date, a.indexed_at) AS since';
const FROM = 'articles a LEFT JOIN story_signatures g ON g.article_num = a.num';

const toArticle = (r: StoryDbRow): StoryArticle => ({
  num: r.num,
  signature: r.signature ? decodeSignature(r.signature) : null,
  story: r.story,
  words: r.words,
  since: r.since,
});

/**
 * Story grouping storage over PostgreSQL. It shares the index writer's session, so its
 * writes join the writer's transaction; `settle` (the writer's) is awaited before each
 * read, so articles the writer still buffers are seen.
 */
export function createPostgresStoryStore(session: PgSession, settle: () => Promise<void> = async () => {}): StoryStore {
  const read = async (sql: string, params: readonly unknown[] = []) => {
    await settle();
    return (await session.rows<StoryDbRow>(sql, params)).map(toArticle);
  };
  return {
    pending: () => read(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.story IS NULL ORDER BY a.num`),
    // The PostgreSQL writer records band keys with each batch (one unnest insert): none are owed here.
    recordBandKeys: async () => {},
    candidates: async (keys) =>
      keys.length === 0
        ? []
        : read(
            `SELECT ${COLUMNS} FROM ${FROM} WHERE a.num IN (SELECT article_num FROM story_bands WHERE band_key = ANY($1::bigint[])) ORDER BY a.num`,
            [[...new Set(keys)]],
          ),
    async sharedBuckets() {
      await settle();
      const rows = await session.rows<{ nums: (number | string)[] }>(
        'SELECT array_agg(article_num ORDER BY article_num) AS nums FROM story_bands GROUP BY band_key HAVING count(*) > 1',
      );
      // pg returns a bigint[] as strings (the pool's parser covers bigint, not its arrays): as numbers,
      // or no article of a bucket is recognised and a bulk grouping groups nothing.
      return rows.map((r) => r.nums.map(Number));
    },
    articles: async (nums) =>
      nums.length === 0
        ? []
        : read(
            `SELECT ${COLUMNS} FROM ${FROM} WHERE a.num = ANY($1::bigint[]) ORDER BY array_position($1::bigint[], a.num)`,
            [[...nums]],
          ),
    members: (story) => read(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.story = $1 ORDER BY a.num`, [story]),
    async assign(storyOf) {
      if (storyOf.size === 0) return;
      await settle();
      await session.query(
        'UPDATE articles a SET story = s.story FROM unnest($1::bigint[], $2::bigint[]) AS s(num, story) WHERE a.num = s.num',
        [[...storyOf.keys()], [...storyOf.values()]],
      );
    },
  };
}
