import { tokenize } from '../text/tokenize.js';
import type { MatchQuery, QueryTerm } from './build-match-query.js';

/** A sentence chosen to show why an article matched, with the matching words marked. */
export interface Snippet {
  readonly text: string;
  /** [start, end) UTF-16 ranges of matched words in `text`, ascending, not overlapping. */
  readonly highlights: readonly (readonly [number, number])[];
}

/** Longest snippet, in characters, before it is cut around the first match. */
export const MAX_SNIPPET_CHARS = 220;

function matches(term: QueryTerm, norm: string, stem: string): boolean {
  return norm === term.word || stem === term.stem || term.variants.includes(norm);
}

/**
 * Marks a query's words in one sentence exactly as search matches them (word, stem, name
 * variant, joined name) and counts the distinct query words found. Shared by snippets and
 * topic summaries, so a summary marks the same words a search result does.
 */
export function markSentence(
  text: string,
  terms: readonly QueryTerm[],
  joined: ReadonlyMap<string, number>,
): { ranges: [number, number][]; distinct: number } {
  const ranges: [number, number][] = [];
  const hit = new Set<number>();
  for (const token of tokenize(text)) {
    const i = terms.findIndex((t) => matches(t, token.norm, token.stem));
    const j = joined.get(token.norm);
    if (i >= 0) hit.add(i);
    if (j !== undefined) hit.add(j).add(j + 1);
    if (i >= 0 || j !== undefined) ranges.push([token.start, token.end]);
  }
  return { ranges, distinct: hit.size };
}

function cut(text: string, ranges: [number, number][]): Snippet {
  if (text.length <= MAX_SNIPPET_CHARS) return { text, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(MAX_SNIPPET_CHARS / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start; // whole words only
  let end = Math.min(text.length, start + MAX_SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights = ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift] as const);
  return { text: prefix + text.slice(start, end).trim() + suffix, highlights };
}

/**
 * Picks the sentence that matches the most distinct query words (the earliest on a tie,
 * stopping at the first that matches them all) and marks the matches. Only the sentences
 * of the few results shown are ever looked at, so this stays off the per-corpus path.
 */
export function makeSnippet(sentences: readonly string[], query: Pick<MatchQuery, 'terms' | 'joined'>): Snippet {
  const { terms } = query;
  let best: { text: string; ranges: [number, number][]; distinct: number } | null = null;
  const joined = new Map(query.joined.map((j) => [j.word, j.first]));
  for (const text of sentences) {
    const marked = markSentence(text, terms, joined);
    if (!best || marked.distinct > best.distinct) best = { text, ...marked };
    if (marked.distinct === terms.length) break;
  }
  if (!best) return { text: '', highlights: [] };
  return cut(best.text, best.ranges);
}

/** Renders a snippet with each match wrapped in `open`/`close` (e.g. `**`, or escaped HTML tags). */
export function renderSnippet(
  snippet: Snippet,
  open: string,
  close: string,
  escapeText: (s: string) => string = (s) => s,
): string {
  let out = '';
  let at = 0;
  for (const [a, b] of snippet.highlights) {
    out += escapeText(snippet.text.slice(at, a)) + open + escapeText(snippet.text.slice(a, b)) + close;
    at = b;
  }
  return out + escapeText(snippet.text.slice(at));
}
