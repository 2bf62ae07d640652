import type { QueryNode, SearchQuery } from '../../core/search/search-query.js';
import { BM25_WEIGHTS } from '../create-sqlite-article-index.js';
import { PARTS, type PartName, lexeme } from './build-search-document.js';

/** The parts a word is looked for in (SQLite: `{title_words body_words}`). */
const WORD_PARTS: readonly PartName[] = ['titleWords', 'bodyWords'];
/** The parts a stem is looked for in: all four, as a word that is its own stem is indexed only as a word. */
const STEM_PARTS: readonly PartName[] = ['titleWords', 'titleStems', 'bodyWords', 'bodyStems'];

function either(parts: readonly string[]): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

/** Renders `node` restricted to `parts`: the leaves in those namespaces only (and no phrase when `plain`). */
function render(node: QueryNode, parts: readonly PartName[], plain = false): string | null {
  switch (node.op) {
    case 'word':
      return node.text === ''
        ? null
        : either(WORD_PARTS.filter((p) => parts.includes(p)).map((p) => lexeme(p, node.text)));
    case 'stem':
      return node.text === ''
        ? null
        : either(STEM_PARTS.filter((p) => parts.includes(p)).map((p) => lexeme(p, node.text)));
    case 'phrase': {
      const words = node.words.filter((w) => w !== '');
      if (words.length === 0 || (plain && words.length > 1)) return null;
      const inPart = WORD_PARTS.filter((p) => parts.includes(p)).map((p) =>
        words.length === 1 ? lexeme(p, words[0]!) : `(${words.map((w) => lexeme(p, w)).join(' <-> ')})`,
      );
      return either(inPart);
    }
    case 'and':
    case 'or': {
      const rendered = node.nodes.map((n) => render(n, parts, plain));
      // An `and` with a part that can match nothing matches nothing; an `or` drops it.
      if (node.op === 'and' && rendered.some((p) => p === null)) return null;
      const kept = rendered.filter((p): p is string => p !== null);
      if (kept.length === 0) return null;
      return kept.length === 1 ? kept[0]! : `(${kept.join(node.op === 'and' ? ' & ' : ' | ')})`;
    }
  }
}

/**
 * A `SearchQuery` as `tsquery` input text, passed as a parameter and cast
 * (`$1::tsquery`): every lexeme is quoted and escaped by `quoteLexeme`, so no user text is
 * ever query syntax, and no text-search configuration rewrites our tokens (they are
 * compared byte for byte with the document `buildSearchDocument` built). Returns null
 * when the query can match nothing.
 */
export function renderTsquery(query: SearchQuery): string | null {
  return render(query, STEM_PARTS);
}

/**
 * The query without its phrases (null when nothing else is left): it matches a subset of
 * what `renderTsquery` matches, and a GIN scan answers it without reading any document
 * (a `tsquery` holding a phrase rechecks every document found, see `termLookups`).
 */
export function renderPlainTsquery(query: SearchQuery): string | null {
  return render(query, STEM_PARTS, true);
}

/** True when a node has no `and` below it: it matches a document iff it matches within one part. */
function withinOnePart(node: QueryNode): boolean {
  return node.op === 'and' ? false : node.op === 'or' ? node.nodes.every(withinOnePart) : true;
}

/** The terms of a query: the children of its top-level `and`, or the query itself. */
export const queryTerms = (query: SearchQuery): readonly QueryNode[] => (query.op === 'and' ? query.nodes : [query]);

/**
 * True when a document matches the query exactly when each term matches within one part
 * (no `and` inside a term; a phrase never spans parts): then the rank lookups alone tell
 * which documents match, and no second scan is needed.
 */
export function decomposes(query: SearchQuery): boolean {
  return queryTerms(query).every(withinOnePart);
}

/** One lookup of a query's ranking: the documents matching `tsquery` have `term` in `part` (an index of `PARTS`). */
export interface RankPart {
  readonly term: number;
  readonly part: number;
  readonly tsquery: string;
}

/** A multi-word phrase: the one leaf the GIN index cannot answer alone (it must read the document). */
const isPhrase = (node: QueryNode): boolean => node.op === 'phrase' && node.words.filter((w) => w !== '').length > 1;

/** The leaves of a term without `and` (an `or` tree): its alternatives. */
function alternatives(node: QueryNode): QueryNode[] {
  return node.op === 'or' ? node.nodes.flatMap(alternatives) : [node];
}

/**
 * A term restricted to one part, as the lookups to run: its plain alternatives (words,
 * stems) in one `tsquery` and its phrases in another. Kept apart because a GIN scan of a
 * `tsquery` holding any phrase rechecks every document it finds (reads and decompresses
 * it, ~4 kB), where plain lexemes are answered by the index alone: on a common word, 100x
 * slower. A term with an `and` inside (a joined name read as two words) stays one lookup.
 */
function termLookups(term: QueryNode, part: PartName): string[] {
  if (!withinOnePart(term)) {
    const whole = render(term, [part]);
    return whole ? [whole] : [];
  }
  const leaves = alternatives(term);
  const groups = [leaves.filter((n) => !isPhrase(n)), leaves.filter(isPhrase)];
  return groups
    .filter((g) => g.length > 0)
    .map((g) => render(g.length === 1 ? g[0]! : { op: 'or', nodes: g }, [part]))
    .filter((q): q is string => q !== null);
}

/** The part names in `PARTS` order: a `RankPart`'s `part` indexes this. */
export const PART_ORDER = Object.keys(PARTS) as PartName[];

/**
 * The lookups the PostgreSQL rank is summed from: each term of the query (a child of its
 * top-level `and`) in each part of the document, phrases apart (see `termLookups`). Each is
 * answered by the GIN index alone, so ranking costs index lookups, not a read of every
 * matching document.
 */
export function rankParts(query: SearchQuery): RankPart[] {
  const out: RankPart[] = [];
  queryTerms(query).forEach((term, i) => {
    for (const part of STEM_PARTS) {
      for (const tsquery of termLookups(term, part)) out.push({ term: i, part: PART_ORDER.indexOf(part), tsquery });
    }
  });
  return out;
}

/**
 * The rank a term earns for each set of parts it is found in, indexed by the set as a bit
 * mask over `PART_ORDER` (bit i: part i): the sum of those parts' bm25 column weights,
 * scaled so a title word is 1, as on SQLite.
 */
export const PART_SET_WEIGHTS: readonly number[] = Array.from({ length: 1 << PART_ORDER.length }, (_, mask) =>
  PART_ORDER.reduce(
    (sum, part, i) => (mask & (1 << i) ? sum + BM25_WEIGHTS[PARTS[part].column] / BM25_WEIGHTS[0] : sum),
    0,
  ),
);
