import type { ParsedArticle } from '../corpus/parse-article.js';

/** Where an article came from and how to tell whether it changed, without reading it whole. */
export interface CorpusEntry {
  readonly id: string;
  /** The file (and line, for JSON Lines) it came from: named in messages about it. */
  readonly origin: string;
  /** Content hash of the raw article; equal hash means nothing to re-analyze. */
  readonly hash: string;
  /** Parses the article; only called when the hash changed. */
  parse(): ParsedArticle;
}

/** An entry that could not be read, and why, in words a person can act on. */
export interface SkippedEntry {
  readonly file: string;
  readonly reason: string;
}

/** A container of articles (one `.txt` file, or a JSON Lines file) with its change stamp. */
export interface CorpusUnit {
  readonly origin: string;
  /** Size and mtime: when equal to the last index, the unit is not even read. */
  readonly stamp: string;
  /** Streams the unit's entries; yields skips for what cannot be read. */
  entries(): AsyncIterable<CorpusEntry | SkippedEntry>;
}

/** The corpus as a set of units, listed cheaply (one directory read, one stat each). */
export interface CorpusSource {
  units(): CorpusUnit[];
  /** Problems found while listing (unreadable directory entries, unsupported files). */
  readonly problems: readonly SkippedEntry[];
}
