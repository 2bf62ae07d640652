import type { IndexText } from '../../core/analysis/index-text.js';

/**
 * PostgreSQL keeps at most this many positions per lexeme (extra ones are dropped), and
 * clamps positions above `MAX_POSITION`.
 */
export const MAX_POSITIONS_PER_LEXEME = 256;
export const MAX_POSITION = 16_383;
/** Longest lexeme PostgreSQL accepts, in bytes; a longer token (never a real word) is left out. */
export const MAX_LEXEME_BYTES = 2_046;
/** Positions left empty between two parts, so a phrase never runs from a title into the body. */
const PART_GAP = 2;

/**
 * Weights of the four parts, matching the FTS5 columns of the SQLite index: title words
 * A, title stems B, body words C, body stems D (so `ts_rank` weights them as bm25 does).
 */
export const PART_WEIGHTS = { titleWords: 'A', titleStems: 'B', bodyWords: 'C', bodyStems: 'D' } as const;

/** A lexeme as a quoted `tsvector`/`tsquery` literal: `'` doubled and `\` escaped, so no text is syntax. */
export function quoteLexeme(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The search document of an article as `tsvector` input text, built from nashra's own
 * tokens (`IndexText`: normalized words, light stems) and never from PostgreSQL's parser
 * or stemmer, so both engines match exactly the same words. Words come first (title, then
 * body) so their positions stay exact for phrase queries; stems follow, where a clamped
 * position costs nothing (phrases never match stems).
 */
export function buildSearchDocument(title: IndexText, body: IndexText): string {
  const positions = new Map<string, string[]>();
  let next = 1;
  const add = (text: string, weight: string) => {
    if (text === '') return;
    for (const token of text.split(' ')) {
      if (token === '' || Buffer.byteLength(token) > MAX_LEXEME_BYTES) {
        next++;
        continue;
      }
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(next, MAX_POSITION)}${weight}`);
      positions.set(token, list);
      next++;
    }
    next += PART_GAP;
  };
  add(title.words, PART_WEIGHTS.titleWords);
  add(body.words, PART_WEIGHTS.bodyWords);
  add(title.stems, PART_WEIGHTS.titleStems);
  add(body.stems, PART_WEIGHTS.bodyStems);
  const out: string[] = [];
  for (const [token, list] of positions) out.push(`${quoteLexeme(token)}:${list.join(',')}`);
  return out.join(' ');
}
