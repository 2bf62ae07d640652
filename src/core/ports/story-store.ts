/** What story grouping needs to know of one article. */
export interface StoryArticle {
  /** The article's row number in the index (stable while the article exists). */
  readonly num: number;
  /** Its MinHash signature, or null when it is too short to compare. */
  readonly signature: Uint32Array | null;
  /** Its current story (the representative's num), or null while its grouping is pending. */
  readonly story: number | null;
  /** Body words: the fullest copy represents a story. */
  readonly words: number;
  /** Sortable date-or-indexed instant: among equally full copies, the earliest represents. */
  readonly since: string;
}

/**
 * Storage of story grouping, used by the indexer after article writes. Articles whose
 * grouping is owed (new, changed, or left in a story another article left) have a null
 * story; the writer marks them in the same transaction as the change, so a crash never
 * loses the debt.
 */
export interface StoryStore {
  /** Every article whose story is pending. */
  pending(): Promise<StoryArticle[]>;
  /**
   * Records articles' LSH band keys (article num → keys); keys already recorded are kept
   * once. Grouping records those of every pending article before it looks for candidates,
   * so the writer need not: one sorted insert per run instead of random inserts into a
   * growing table with every write batch.
   */
  recordBandKeys(keys: ReadonlyMap<number, readonly number[]>): Promise<void>;
  /** Articles sharing at least one LSH band key with `keys` (the candidates). */
  candidates(keys: readonly number[]): Promise<StoryArticle[]>;
  /**
   * Every LSH bucket holding more than one article, as article nums: one pass over the
   * band table, cheaper than a lookup per article when most of the archive is pending.
   * All of them at once (a list, not a stream): one round trip on an engine across a network.
   */
  sharedBuckets(): Promise<number[][]>;
  /** The articles with these nums (those that exist). */
  articles(nums: readonly number[]): Promise<StoryArticle[]>;
  /** The articles of a story. */
  members(story: number): Promise<StoryArticle[]>;
  /** Sets each article's story (the representative's num). */
  assign(storyOf: ReadonlyMap<number, number>): Promise<void>;
}
