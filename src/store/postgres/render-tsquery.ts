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

/** Renders `node` restricted to `parts`: the leaves in those namespaces only. */
function render(node: QueryNode, parts: readonly PartName[]): string | null {
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
      if (words.length === 0) return null;
      const inPart = WORD_PARTS.filter((p) => parts.includes(p)).map((p) =>
        words.length === 1 ? lexeme(p, words[0]!) : `(${words.map((w) => lexeme(p, w)).join(' <-> ')})`,
      );
      return either(inPart);
    }
    case 'and':
    case 'or': {
      const rendered = node.nodes.map((n) => render(n, parts));
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

/** True when a node has no `and` below it: it matches a document iff it matches within one part. */
function withinOnePart(node: QueryNode): boolean {
  return node.op === 'and' ? false : node.op === 'or' ? node.nodes.every(withinOnePart) : true;
}

/** The terms of a query: the children of its top-level `and`, or the query itself. */
export const queryTerms = (query: SearchQuery): readonly QueryNode[] => (query.op === 'and' ? query.nodes : [query]);

/**
 * True when a document matches the query exactly when each term matches within one part
 * (no `and` inside a term; a phrase never spans parts): then the rank pieces alone tell
 * which documents match, and no second scan is needed.
 */
export function decomposes(query: SearchQuery): boolean {
  return queryTerms(query).every(withinOnePart);
}

/** One (term, part) of a query's ranking: the documents matching `tsquery` earn `weight` for `term`. */
export interface RankPart {
  readonly term: number;
  readonly tsquery: string;
  readonly weight: number;
}

/**
 * The pieces the PostgreSQL rank is summed from: each term of the query (a child of its
 * top-level `and`) rendered once per part of the document, weighted as the SQLite bm25
 * column weights (scaled so a title word is 1). Each piece is answered by the GIN index
 * alone, so ranking costs index lookups, not a read of every matching document.
 */
export function rankParts(query: SearchQuery): RankPart[] {
  const out: RankPart[] = [];
  queryTerms(query).forEach((term, i) => {
    for (const part of STEM_PARTS) {
      const tsquery = render(term, [part]);
      if (tsquery) out.push({ term: i, tsquery, weight: BM25_WEIGHTS[PARTS[part].column] / BM25_WEIGHTS[0] });
    }
  });
  return out;
}
