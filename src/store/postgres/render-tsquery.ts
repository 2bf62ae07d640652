import type { QueryNode, SearchQuery } from '../../core/search/search-query.js';
import { quoteLexeme } from './build-search-document.js';

/** Word matches: title words (A) and body words (C), as the SQLite `{title_words body_words}` filter. */
const WORD_WEIGHTS = 'AC';
/** Stem matches: every part, since a word that is its own stem is indexed only as a word. */
const STEM_WEIGHTS = 'ABCD';

function render(node: QueryNode): string | null {
  switch (node.op) {
    case 'word':
      return node.text === '' ? null : `${quoteLexeme(node.text)}:${WORD_WEIGHTS}`;
    case 'stem':
      return node.text === '' ? null : `${quoteLexeme(node.text)}:${STEM_WEIGHTS}`;
    case 'phrase': {
      const words = node.words.filter((w) => w !== '');
      if (words.length === 0) return null;
      return `(${words.map((w) => `${quoteLexeme(w)}:${WORD_WEIGHTS}`).join(' <-> ')})`;
    }
    case 'and':
    case 'or': {
      const parts = node.nodes.map(render);
      // An `and` with a part that can match nothing matches nothing; an `or` drops it.
      if (node.op === 'and' && parts.some((p) => p === null)) return null;
      const kept = parts.filter((p): p is string => p !== null);
      if (kept.length === 0) return null;
      return kept.length === 1 ? kept[0]! : `(${kept.join(node.op === 'and' ? ' & ' : ' | ')})`;
    }
  }
}

/**
 * A `SearchQuery` as `tsquery` input text, to be passed as a parameter and cast
 * (`$1::tsquery`): every lexeme is quoted and escaped by `quoteLexeme`, so no user text is
 * ever query syntax, and no text-search configuration rewrites our tokens (they are
 * compared byte for byte with the `tsvector` built by `buildSearchDocument`). Returns null
 * when the query can match nothing.
 */
export function renderTsquery(query: SearchQuery): string | null {
  return render(query);
}
