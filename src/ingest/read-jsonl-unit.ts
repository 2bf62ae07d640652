import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { parseRecord } from '../core/corpus/parse-article.js';
import type { CorpusEntry, CorpusUnit, SkippedEntry } from '../core/ports/corpus-source.js';
import { CONTENT_HASH, MAX_ARTICLE_BYTES } from './read-text-unit.js';

/** A bulk-import line: the benchmark corpus's fields; unknown fields are ignored. */
const RecordSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  title: z.string().nullish(),
  body: z.string().trim().min(1, 'empty body'),
  date: z.string().nullish(),
  date_extracted: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
});

/** Article ids become file-like names in messages and buttons: keep them printable and short. */
const ID_PATTERN = /^[\p{L}\p{N}_.:-]{1,128}$/u;

/**
 * Streams a JSON Lines file (optionally gzipped) line by line, so memory stays flat
 * whatever the file's size. Each bad line is skipped with its line number.
 */
export function readJsonlUnit(path: string, stamp: string): CorpusUnit {
  return {
    origin: path,
    stamp,
    async *entries(): AsyncGenerator<CorpusEntry | SkippedEntry> {
      const file = createReadStream(path);
      const input = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNo = 0;
      try {
        for await (const raw of lines) {
          lineNo++;
          // A UTF-8 byte order mark (Windows editors write one) is not part of the first record.
          const line = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
          if (line.trim() === '') continue;
          const where = `${path}:${lineNo}`;
          if (line.length > MAX_ARTICLE_BYTES) {
            yield { file: where, reason: 'line too large' };
            continue;
          }
          let json: unknown;
          try {
            json = JSON.parse(line);
          } catch {
            yield { file: where, reason: 'not valid JSON' };
            continue;
          }
          const parsed = RecordSchema.safeParse(json);
          if (!parsed.success) {
            yield {
              file: where,
              reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
            };
            continue;
          }
          const r = parsed.data;
          if (!ID_PATTERN.test(r.id)) {
            yield { file: where, reason: `id "${r.id.slice(0, 40)}" must be 1–128 letters, digits, _ . : -` };
            continue;
          }
          const hash = createHash(CONTENT_HASH).update(line).digest('base64url');
          const record = {
            id: r.id,
            title: r.title ?? null,
            body: r.body,
            date: r.date ?? r.date_extracted ?? null,
            source: r.source ?? null,
            url: r.url ?? null,
          };
          yield { id: r.id, origin: where, hash, parse: () => parseRecord(record) };
        }
      } catch (err) {
        yield {
          file: path,
          reason: `unreadable after line ${lineNo} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        };
      } finally {
        lines.close();
        file.destroy();
      }
    },
  };
}
