/**
 * A search as data, not as one engine's syntax: core code builds it from what a user
 * typed, and each storage adapter renders it in its own full-text syntax (SQLite's
 * full-text index, a `tsquery` over nashra's own tokens for PostgreSQL). Every string in it is a token
 * exactly as the indexer stores it (normalized word or stem), so no user text is ever
 * syntax on either engine.
 */
export type SearchQuery = QueryNode;

/** One node of a {@link SearchQuery}. */
export type QueryNode =
  /** Every child must match. */
  | { readonly op: 'and'; readonly nodes: readonly QueryNode[] }
  /** At least one child must match. */
  | { readonly op: 'or'; readonly nodes: readonly QueryNode[] }
  /** The normalized word itself (or one of its listed spellings), in a title or body: an exact hit. */
  | { readonly op: 'word'; readonly text: string }
  /** A stem, matched in the title or body, as a stem or as a word that is its own stem. */
  | { readonly op: 'stem'; readonly text: string }
  /** Adjacent normalized words in a title or body (a joined name read as two words). */
  | { readonly op: 'phrase'; readonly words: readonly string[] };
