import type { IndexText } from '../../core/analysis/index-text.js';

/** PostgreSQL keeps at most this many positions per lexeme (extra ones are dropped). */
export const MAX_POSITIONS_PER_LEXEME = 256;
/** PostgreSQL clamps positions above this: a phrase past it (16k words into a body) may miss. */
export const MAX_POSITION = 16_383;
/** Longest lexeme PostgreSQL accepts, in bytes; a longer token (never a real word) is left out. */
export const MAX_LEXEME_BYTES = 2_000;

/**
 * The four parts of an article's search document, as the four FTS5 columns of the SQLite
 * index, each a lexeme namespace: a token `x` is stored as `^x` in the title words, `x`
 * in the body words, `^~x` in the title stems and `~x` in the body stems. Our tokens are
 * letters and digits only, so a marker never collides with a token. Namespaces, not
 * `tsvector` weights, keep the parts apart (`column`: the FTS5 column, for its bm25 weight) because a GIN index answers a query on plain
 * lexemes exactly, without reading the documents (a weight-restricted query must recheck
 * each matching row), which is what keeps search fast on common words.
 */
export const PARTS = {
  titleWords: { prefix: '^', column: 0 },
  titleStems: { prefix: '^~', column: 1 },
  bodyWords: { prefix: '', column: 2 },
  bodyStems: { prefix: '~', column: 3 },
} as const;

/** One part's name. */
export type PartName = keyof typeof PARTS;

/** A lexeme as a quoted `tsvector`/`tsquery` literal: `'` doubled and `\` escaped, so no text is syntax. */
export function quoteLexeme(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The lexeme of a token in a part. */
export const lexeme = (part: PartName, token: string): string => quoteLexeme(PARTS[part].prefix + token);

function words(text: string, part: PartName, out: string[]): void {
  const positions = new Map<string, number[]>();
  let at = 0;
  for (const token of text.split(' ')) {
    if (token === '') continue;
    at++;
    if (Buffer.byteLength(token) > MAX_LEXEME_BYTES) continue;
    const list = positions.get(token) ?? [];
    if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(Math.min(at, MAX_POSITION));
    positions.set(token, list);
  }
  for (const [token, list] of positions) out.push(`${lexeme(part, token)}:${list.join(',')}`);
}

function stems(text: string, part: PartName, out: string[]): void {
  const seen = new Set<string>();
  for (const token of text.split(' ')) {
    if (token === '' || seen.has(token) || Buffer.byteLength(token) > MAX_LEXEME_BYTES) continue;
    seen.add(token);
    out.push(lexeme(part, token));
  }
}

/**
 * The search document of an article as `tsvector` input text, built from nashra's own
 * tokens (`IndexText`: normalized words and light stems), never by PostgreSQL's parser or
 * stemmer, so both engines match exactly the same words. Words keep their positions (for
 * phrases, counted per part); stems need none (phrases never match stems).
 */
export function buildSearchDocument(title: IndexText, body: IndexText): string {
  const out: string[] = [];
  words(title.words, 'titleWords', out);
  words(body.words, 'bodyWords', out);
  stems(title.stems, 'titleStems', out);
  stems(body.stems, 'bodyStems', out);
  return out.join(' ');
}
