import { NashraError } from '../core/errors/nashra-error.js';
import type { QueryNode, SearchQuery } from '../core/search/search-query.js';

/** The word views of the FTS table: exact (normalized) words in the title and the body. */
const WORDS = '{title_words body_words}';
/** A stem is looked for in both views: a word that is its own stem is indexed only as a word. */
const STEMS = '{title_words title_stems body_words body_stems}';

/** Quotes an FTS5 string; our tokens hold no `"`, but escaping keeps that from mattering. */
function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function render(node: QueryNode): string {
  switch (node.op) {
    case 'word':
      return `${WORDS}:${str(node.text)}`;
    case 'stem':
      return `${STEMS}:${str(node.text)}`;
    case 'phrase':
      return `${WORDS}:${str(node.words.join(' '))}`;
    case 'and':
    case 'or': {
      if (node.nodes.length === 0) throw new NashraError('STORE', `empty "${node.op}" in a search query`);
      if (node.nodes.length === 1) return render(node.nodes[0]!);
      // Alternative words and phrases share one column filter, `{…}:("a" OR "b")`: the
      // expression the search was tuned and measured with, and a smaller one to parse.
      if (node.op === 'or' && node.nodes.every((n) => n.op === 'word' || n.op === 'phrase'))
        return `${WORDS}:(${node.nodes.map((n) => str(n.op === 'word' ? n.text : n.op === 'phrase' ? n.words.join(' ') : '')).join(' OR ')})`;
      return `(${node.nodes.map(render).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
    }
  }
}

/**
 * A {@link SearchQuery} as an FTS5 MATCH expression over `article_fts`: a word or phrase
 * is looked for in the title and body word columns, a stem in the stem columns as well;
 * `and`/`or` become parenthesized AND/OR. Every token is a quoted string, so nothing a
 * user typed is ever FTS5 syntax. Ranking weights are applied by the query (bm25), not here.
 */
export function renderFts5Query(query: SearchQuery): string {
  return render(query);
}
