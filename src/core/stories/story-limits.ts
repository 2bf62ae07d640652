/**
 * The knobs of near-duplicate detection, in one place. Changing any of the first four
 * changes stored signatures or band keys: bump `ANALYZER_VERSION` with them.
 */
export const STORY_LIMITS = {
  /** Words per shingle: three words are specific enough that shared shingles mean shared text. */
  shingleWords: 3,
  /** MinHash values per article (bands × rows). */
  signatureSize: 96,
  /** LSH bands: two articles become candidates when all rows of one band agree. */
  bands: 24,
  /** Rows per band. With 24 × 4 the LSH S-curve turns at (1/24)^(1/4) ≈ 0.45. */
  rows: 4,
  /**
   * Estimated Jaccard similarity of shingle sets at or above which two articles are one
   * story. Measured on the 20,000 SaudiNewsNet articles (docs/story-grouping-sample.md):
   * lightly edited copies score 0.6–1.0, while two outlets' own reports of one event stay
   * below 0.3; pairs between 0.4 and 0.5 were mostly different reports sharing boilerplate.
   */
  threshold: 0.5,
  /** Articles with fewer distinct shingles than this are too short to compare: each is its own story. */
  minShingles: 8,
  /**
   * From this many pending articles on, candidates come from one pass over all shared
   * buckets instead of a band-key lookup per article (a full index or a re-analysis).
   */
  bulkPending: 2000,
} as const satisfies Record<string, number>;
