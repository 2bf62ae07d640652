import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArticle } from '../core/corpus/parse-article.js';
import type { CorpusEntry, CorpusUnit, SkippedEntry } from '../core/ports/corpus-source.js';

/**
 * Hash that tells whether an article changed. Not a security boundary, so the fastest
 * widely available digest will do; changing it re-analyzes every article once.
 */
export const CONTENT_HASH = 'sha1';

/** One article file larger than this is not news text: it is skipped, not loaded. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one `.txt` article; every failure becomes a skip that names the file and why. */
export function readTextUnit(path: string, id: string, size: number, stamp: string): CorpusUnit {
  return {
    origin: path,
    stamp,
    async *entries(): AsyncGenerator<CorpusEntry | SkippedEntry> {
      if (size === 0) return yield { file: path, reason: 'empty file' };
      if (size > MAX_ARTICLE_BYTES) {
        return yield {
          file: path,
          reason: `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`,
        };
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (err) {
        return yield {
          file: path,
          reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        };
      }
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        return yield { file: path, reason: 'not valid UTF-8 text (save it as UTF-8)' };
      }
      if (text.includes('\u0000')) return yield { file: path, reason: 'binary data, not text' };
      if (text.trim() === '') return yield { file: path, reason: 'empty file' };
      const hash = createHash(CONTENT_HASH).update(bytes).digest('base64url');
      yield { id, origin: path, hash, parse: () => parseArticle(id, text) };
    },
  };
}
